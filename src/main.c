/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "ld-cli.h"
int main (int argc, char **argv) { return ld_cli_main (argc, argv); }
