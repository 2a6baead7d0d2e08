// Loaded on every page: download buttons and links into closed sections.
import { openTarget, wireDownloads } from "./common.js";

wireDownloads();
openTarget();
window.addEventListener("hashchange", openTarget);
