#!/bin/sh
# A layout worker that never finishes: it says it has started by writing
# its process id to $QG_TEST_STARTED, then waits.
echo $$ > "$QG_TEST_STARTED.part"
mv "$QG_TEST_STARTED.part" "$QG_TEST_STARTED"
exec sleep 600
