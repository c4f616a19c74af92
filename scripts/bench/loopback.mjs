// Preloaded into the server under benchmark (node --import): a listen() given only a port binds
// to the loopback interface instead of every interface, so the benchmark never exposes a port.
import net from "node:net";

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === "number" && typeof args[1] !== "string") args.splice(1, 0, "127.0.0.1");
  return listen.apply(this, args);
};
