#!/bin/sh
# A layout worker that ends before it has read its input, as one killed
# for want of memory would: the caller's writes find the pipe closed.
exit 3
