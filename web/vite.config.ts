import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// Built into web/dist and served by the API server at /; `vite --config web/vite.config.ts` proxies /api there.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 1500, sourcemap: false },
  server: {
    proxy: { "/api": "http://127.0.0.1:8080", "/feeds": "http://127.0.0.1:8080", "/openapi.json": "http://127.0.0.1:8080" },
  },
});
