#!/bin/sh
# The application: leaves a background job behind and runs until SIGTERM, then
# exits 0. The init reaps the job and exits with the app's status.
sleep 300 &
trap 'echo "app: stopping"; exit 0' TERM
echo "app: running"
while :; do sleep 1 & wait $!; done
