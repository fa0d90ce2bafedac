#include "engine/rule_set.h"
#include "engine/embedded_rules.h"
