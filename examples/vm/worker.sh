#!/bin/sh
# A service: works until SIGTERM, then finishes its round and exits 0.
name=$1
trap 'echo "$name: stopping"; exit 0' TERM
echo "$name: started"
while :; do sleep 1 & wait $!; done
