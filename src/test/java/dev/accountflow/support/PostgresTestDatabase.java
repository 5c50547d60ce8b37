package dev.accountflow.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A fresh PostgreSQL database for each test JVM, on the local server (required: the tests fail without it). Its
 * name carries the JVM's pid, so builds running side by side on one machine never share or drop each other's data;
 * the databases of runs that have ended are dropped when the next run starts.
 */
public final class PostgresTestDatabase {

    private static final String ADMIN_URL = System.getProperty("accountflow.it.admin-url",
            System.getenv().getOrDefault("IT_DB_ADMIN_URL", "jdbc:postgresql://127.0.0.1:5432/postgres"));
    private static final String USER = System.getenv().getOrDefault("IT_DB_USER", "postgres");
    private static final String PASSWORD = System.getenv().getOrDefault("IT_DB_PASSWORD", "");
    private static final String PREFIX = "accountflow_it_";
    private static final String NAME = PREFIX + ProcessHandle.current().pid();
    // a bench may keep its generated book between runs: -Daccountflow.it.database=bench_book (created if missing, never dropped)
    private static final String KEPT = System.getProperty("accountflow.it.database");
    private static String url;

    private PostgresTestDatabase() {
    }

    public static synchronized String url() {
        if (url == null && KEPT != null) {
            if (!KEPT.matches("[a-z][a-z0-9_]{0,62}") || KEPT.startsWith(PREFIX)) {
                throw new IllegalArgumentException("accountflow.it.database: " + KEPT
                        + " is not a lower-case database name outside " + PREFIX + "*");
            }
            try (Connection admin = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
                 Statement sql = admin.createStatement();
                 ResultSet found = sql.executeQuery("select 1 from pg_database where datname = '" + KEPT + "'")) {
                if (!found.next()) {
                    sql.execute("create database " + KEPT);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("The kept database " + KEPT + " on " + ADMIN_URL + ": " + e.getMessage(), e);
            }
            url = ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + KEPT;
        }
        if (url == null) {
            try (Connection admin = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
                 Statement sql = admin.createStatement()) {
                dropLeftoversOfEndedRuns(admin);
                sql.execute("drop database if exists " + NAME + " with (force)");
                sql.execute("create database " + NAME);
            } catch (SQLException e) {
                throw new IllegalStateException("The integration tests need the local PostgreSQL at " + ADMIN_URL
                        + " (user " + USER + "): " + e.getMessage(), e);
            }
            url = ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + NAME;
        }
        return url;
    }

    private static void dropLeftoversOfEndedRuns(Connection admin) throws SQLException {
        List<String> leftovers = new ArrayList<>();
        try (Statement sql = admin.createStatement();
             ResultSet rows = sql.executeQuery("select datname from pg_database where datname like '" + PREFIX + "%'")) {
            while (rows.next()) {
                String name = rows.getString(1);
                String pid = name.substring(PREFIX.length());
                if (pid.chars().allMatch(Character::isDigit) && ProcessHandle.of(Long.parseLong(pid)).isEmpty()) {
                    leftovers.add(name);
                }
            }
        }
        try (Statement sql = admin.createStatement()) {
            for (String name : leftovers) {
                sql.execute("drop database if exists " + name + " with (force)");
            }
        }
    }

    public static String user() {
        return USER;
    }

    public static String password() {
        return PASSWORD;
    }
}
