// OpenGL declarations for the viewer's own GL calls (textures, the offscreen
// framebuffer). Debian's libGL (glvnd) exports every core entry point, so the
// prototypes are enough; ImGui's OpenGL3 backend loads its own separately.
#pragma once

#ifndef GL_GLEXT_PROTOTYPES
#define GL_GLEXT_PROTOTYPES 1
#endif
#include <GL/gl.h>
#include <GL/glext.h>
