# syntax=docker/dockerfile:1
# ghl-credly-sync: build the runnable jar with Maven on a JDK 21, run it on a JRE 21 as a non-root
# user. Build from the repository root:   docker build -t ghl-credly-sync .
# Run (configuration in /config, data in /data; secrets as environment variables):
#   docker run -p 8080:8080 -v ./ghl-credly.yaml:/config/ghl-credly.yaml:ro -v ghl-credly-data:/data \
#     -e GHL_PRIVATE_TOKEN -e CREDLY_ORG_TOKEN ghl-credly-sync
# deploy/docker-compose.yml runs it with PostgreSQL.

FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -DskipTests -pl app -am package

FROM eclipse-temurin:21-jre
# curl for the health check; the Temurin images (Ubuntu) ship without it.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 ghl-credly \
    && useradd --system --uid 10001 --gid ghl-credly --home-dir /data --shell /usr/sbin/nologin ghl-credly \
    && mkdir -p /app /config /data \
    && chown ghl-credly:ghl-credly /data
COPY --from=build /src/app/target/ghl-credly.jar /app/ghl-credly.jar
# The working directory is the data folder, so the defaults (./data/…) also land on the volume.
WORKDIR /data
VOLUME /data
USER ghl-credly
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS -o /dev/null http://127.0.0.1:8080/health/live || exit 1
# `docker run IMAGE dead-letters list -c /config/ghl-credly.yaml` runs another command instead.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/ghl-credly.jar"]
CMD ["serve", "-c", "/config/ghl-credly.yaml"]
