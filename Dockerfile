FROM node:20-bookworm-slim
# Debian's Chromium: Playwright's own browser download is not used.
RUN apt-get update && apt-get install -y --no-install-recommends chromium fonts-dejavu-core python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build
ENV HOST=0.0.0.0 PORT=4400 REPRISE_DATA_DIR=/data REPRISE_CHROMIUM=/usr/bin/chromium
EXPOSE 4400
CMD ["node", "bin/reprise.mjs", "start"]
