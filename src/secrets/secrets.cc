// Committed-secret detection over any text.
#include "secrets/secrets.h"
