// Debian's libqrencode (package libqrencode-dev), exposed to Swift as the module CQRencode.
// Only FengqiaoQRCode imports it; everything else uses that module's `QRCode` value type.
#ifndef FENGQIAO_CQRENCODE_SHIM_H
#define FENGQIAO_CQRENCODE_SHIM_H

#include <qrencode.h>

#endif
