#!/bin/sh
# A worker whose graceful stop is SIGQUIT (as php-fpm's is).
trap 'echo "SIGQUIT: finishing the job"; exit 0' QUIT
echo "started"
while :; do sleep 1 & wait $!; done
