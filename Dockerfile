# CMG Assistant as a container: compiled with the dev dependencies, run on node:24-slim with the
# production dependencies only, as the unprivileged "node" user.
#
#   docker build -t cmg-assistant .
#   docker run --rm -p 3978:3978 --env-file .env -v cmg-data:/app/data cmg-assistant
#
# Storage: the embedded SQLite file lives in /app/data, which is gone with the container unless a
# volume is mounted there; with several replicas use STORAGE=azure (README, "Run in a container").

FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npx tsc -p tsconfig.build.json

FROM node:24-slim AS production-dependencies
WORKDIR /app
COPY package.json package-lock.json ./
# Exactly the lock file's production tree; no package needs an install script.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

FROM node:24-slim
ENV NODE_ENV=production \
    PORT=3978 \
    HOST=0.0.0.0
WORKDIR /app
# Owned by root and read-only for the bot: only /app/data is writable.
COPY --from=production-dependencies /app/node_modules ./node_modules
COPY package.json package-lock.json ./
COPY --from=build /app/dist/src ./dist/src
COPY cards ./cards
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3978
# The image has no curl; Node's own fetch asks the bot's liveness endpoint.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3978) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--enable-source-maps", "dist/src/index.js"]
