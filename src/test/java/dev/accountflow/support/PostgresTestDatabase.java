package dev.accountflow.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A fresh PostgreSQL database for each test JVM, on the local server (required: the tests fail without it). */
public final class PostgresTestDatabase {

    private static final String ADMIN_URL = System.getProperty("accountflow.it.admin-url",
            System.getenv().getOrDefault("IT_DB_ADMIN_URL", "jdbc:postgresql://127.0.0.1:5432/postgres"));
    private static final String USER = System.getenv().getOrDefault("IT_DB_USER", "postgres");
    private static final String PASSWORD = System.getenv().getOrDefault("IT_DB_PASSWORD", "");
    private static final String NAME = "accountflow_it";
    private static String url;

    private PostgresTestDatabase() {
    }

    public static synchronized String url() {
        if (url == null) {
            try (Connection admin = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
                 Statement sql = admin.createStatement()) {
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

    public static String user() {
        return USER;
    }

    public static String password() {
        return PASSWORD;
    }
}
