#include "config.h"
#include <gtk/gtk.h>
#include "icat-test-util.h"
int main (int argc, char **argv) { icat_test_init (&argc, &argv); gtk_test_init (&argc, &argv, NULL); return g_test_run (); }
