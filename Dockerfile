# One multi-stage image recipe for the three services and the portal (web-ui):
#   docker build --build-arg SERVICE=application-core --build-arg PORT=8080 .
# Stage 1 builds the service with the project's Maven wrapper; stage 2 runs it on a JRE as a non-root user.
FROM eclipse-temurin:17-jdk AS build
ARG SERVICE
WORKDIR /src
COPY . .
RUN ./mvnw -q -B -DskipTests -pl "${SERVICE}" -am package && cp "${SERVICE}"/target/"${SERVICE}"-*.jar /service.jar

FROM eclipse-temurin:17-jre
ARG PORT
ENV PORT=${PORT}
RUN useradd --system --uid 10001 greenvoucher \
 && mkdir -p /var/lib/green-voucher && chown greenvoucher /var/lib/green-voucher && chmod 700 /var/lib/green-voucher
# a named volume mounted here starts as a copy of this directory: owned by the service user, who writes the key
COPY --from=build /service.jar /app/service.jar
USER greenvoucher
EXPOSE ${PORT}
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=6 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/$PORT && printf "GET /actuator/health/readiness HTTP/1.0\r\n\r\n" >&3 && grep -q "\"UP\"" <&3'
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/service.jar"]
