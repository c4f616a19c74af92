import type { Config } from "tailwindcss";

export default {
  content: ["./app/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        brand: { 50: "#eef6f3", 100: "#d5ebe2", 600: "#0f6b4f", 700: "#0b5740", 800: "#084331" },
      },
    },
  },
  plugins: [],
} satisfies Config;
