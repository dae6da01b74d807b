#!/bin/sh
# A one-shot: runs once the database is healthy; the web server waits for it to complete.
echo "migrating"
sleep 0.5
echo "done"
