#!/bin/sh
# Starts the services in the background, then becomes the init: it adopts them,
# reaps them, and on SIGTERM (docker stop) or SIGINT stops them all and exits 0
# once the last one is gone.
here=$(dirname "$0")
"$here/worker.sh" mailer &
"$here/worker.sh" indexer &
"$here/worker.sh" scheduler &
exec docker-container-init -v
