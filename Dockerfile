# AccountFlow image for docker-compose: builds the jar with the Maven wrapper, runs it on a JRE.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp dependency:go-offline
COPY processes processes
COPY rules rules
COPY src src
RUN ./mvnw -B -ntp -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/accountflow-*.jar /app/accountflow.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/accountflow.jar"]
