// leaflet.markercluster is a plugin that extends the global L; this module
// is imported before it to provide that global.
import L from "leaflet";

window.L = L;
export default L;
