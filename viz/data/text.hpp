// A piece of interface text in the viewer's two languages.
#pragma once

namespace zhili::view {

struct Text {
  const char* en;
  const char* zh;
};

}  // namespace zhili::view
