# The web app's static files on nginx, with /api/ proxied to the API (docker/nginx.conf).
# For deployments that serve the static files on their own; the API image also serves them.
#
#   docker build -f docker/web.Dockerfile -t portal-web:local .   # from the repository root
#   docker run -e API_UPSTREAM=http://api:3000 -p 8080:8080 portal-web:local
#
# The build stage repeats the first steps of docker/Dockerfile, so BuildKit reuses their
# cached layers (npm ci) when both images are built on one machine.

ARG NODE_IMAGE=node:20-bookworm
ARG NGINX_IMAGE=nginx:1.27-alpine

FROM ${NODE_IMAGE} AS build
WORKDIR /src
ENV CI=true \
    NX_DAEMON=false \
    NX_NO_CLOUD=true \
    NG_CLI_ANALYTICS=false \
    SCARF_ANALYTICS=false \
    npm_config_nodedir=/usr/local \
    npm_config_audit=false \
    npm_config_fund=false
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci
COPY . .
RUN npx nx build web --outputStyle=static

FROM ${NGINX_IMAGE} AS web
# Run as the unprivileged nginx user: no `user` directive, the pid file in /tmp, and the
# temp-file cache and conf.d (where the entrypoint renders the template) owned by nginx.
RUN sed -i -e '/^user /d' -e 's#^pid .*#pid /tmp/nginx.pid;#' /etc/nginx/nginx.conf \
 && rm -f /etc/nginx/conf.d/default.conf \
 && mkdir -p /etc/nginx/templates \
 && chown -R nginx:nginx /etc/nginx/conf.d /var/cache/nginx
COPY docker/nginx.conf /etc/nginx/templates/default.conf.template
COPY --from=build /src/dist/apps/web/browser /usr/share/nginx/html
ENV API_UPSTREAM=http://api:3000 \
    NGINX_ENTRYPOINT_LOCAL_RESOLVERS=1
USER nginx
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/"]
