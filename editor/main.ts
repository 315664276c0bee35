// Entry of the editor page: Monaco's setup first (workers, features), then the components.
import "./monaco/setup.ts";
import "./components/app-regolamenti.ts";
