"""moto's server mode for the tests: every emulated AWS API on one loopback port.

Differences from `moto_server` (moto/server.py), and why:
* Requests are applied one at a time (one lock around the WSGI app). moto's backends keep plain Python
  objects without locks, so two threads could both pass one item's condition check before either
  writes; DynamoDB serialises conflicting writes to an item. Connections are still accepted in
  parallel (keep-alive works, no refused connections under 200 parallel clients): only the
  application of each request is serialised, as the application-level races we test interleave
  between requests, never inside one.
* The port is chosen by the OS (`--port 0`) and printed as `listening <port>` once the socket accepts.
* The server exits when its parent closes our stdin, so a killed JVM never leaves it behind.
"""
import argparse
import os
import sys
import threading

from werkzeug import serving
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, MotoRequestHandler, create_backend_app


def serialised(app):
    lock = threading.Lock()

    def call(environ, start_response):
        with lock:
            result = app(environ, start_response)
            try:
                return [b"".join(result)]
            finally:
                close = getattr(result, "close", None)
                if close is not None:
                    close()

    return call


def exit_when_parent_goes():
    sys.stdin.read()
    os._exit(0)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--unlocked", action="store_true",
                        help="apply requests in parallel, as moto_server does (to show why the lock is needed)")
    args = parser.parse_args()

    app = DomainDispatcherApplication(create_backend_app)
    if not args.unlocked:
        app = serialised(app)
    serving.BaseWSGIServer.request_queue_size = 1024
    server = serving.make_server("127.0.0.1", args.port, app, threaded=True, request_handler=MotoRequestHandler)
    threading.Thread(target=exit_when_parent_goes, daemon=True).start()
    print(f"listening {server.server_port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
