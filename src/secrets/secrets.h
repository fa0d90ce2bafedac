// Committed-secret detection over any text.
#pragma once

namespace clearance {}  // namespace clearance
