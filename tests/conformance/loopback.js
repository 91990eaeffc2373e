// Preloaded (`node -r`) by `cargo xtask conformance`: the autorest test server
// listens on every interface and has no option for it; this keeps it on 127.0.0.1.
const http = require("http");
const listen = http.Server.prototype.listen;
http.Server.prototype.listen = function (...args) {
  if (typeof args[0] === "number" && (args.length === 1 || typeof args[1] === "function")) {
    args.splice(1, 0, "127.0.0.1");
  }
  return listen.apply(this, args);
};
