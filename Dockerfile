# syntax=docker/dockerfile:1
# One image for the API, the worker and the one-shot migration (docker-compose.yml picks the command).
# Built once: dependencies from the lock file (npm ci), the TypeScript and the console compiled here,
# dev dependencies pruned; the runtime stage holds only what `node dist/...` needs and runs as `node`.

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
# The lock file and package.json's allowScripts are npm 11's (the image ships npm 10, which would run
# every install script): the same npm as the machines that wrote the lock file.
RUN npm install -g npm@11.19.1 --no-audit --no-fund
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    HEALTHCHECK_URL=http://127.0.0.1:3000/health/live
WORKDIR /app
# projectRoot() finds the app by package.json + seeds/; the API serves the console from apps/console/dist.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/apps/console/dist ./apps/console/dist
COPY --from=build /app/seeds ./seeds
USER node
EXPOSE 3000 3001
# The API's liveness by default (it must not be restarted during a Redis outage); the worker's service
# sets HEALTHCHECK_URL to its own probe. Node's http, since the slim image has no curl.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "require('node:http').get(process.env.HEALTHCHECK_URL, (res) => process.exit(res.statusCode === 200 ? 0 : 1)).on('error', () => process.exit(1))"]
CMD ["node", "dist/apps/api/src/main.js"]
