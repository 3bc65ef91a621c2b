/* placeholder until the generator lands: writes a header */
#include <glib.h>
int main (int argc, char **argv) { const char *out = argv[argc-1]; return g_file_set_contents (out, "CustomerCountry,CustomerCountryCode,CustomerName,ActivationDate,ProductDisplayName,ProductId,PlanName,ServiceId,LicenseState,LicensesAssigned,LicensesProvisioned,OfferType\n", -1, NULL) ? 0 : 1; }
