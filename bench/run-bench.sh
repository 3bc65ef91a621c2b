#!/bin/sh
echo "not yet"
