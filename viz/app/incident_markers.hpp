// Collective incidents drawn over a map canvas: a red ring per incident in
// progress at the instant shown, at its peak cell and sized by its peak
// active households, with a tooltip; optionally the ones that already ended,
// faded.
#pragma once

#include <vector>

#include "app/map_canvas.hpp"
#include "data/incidents.hpp"

namespace zhili::view {

// Draws the rings on the canvas `where` describes, the ended ones (faded,
// beneath) first, and returns the index into `active` of the incident in
// progress under the pointer, or active.size() + the index into `ended` of an
// ended one (-1: none).
int draw_incident_markers(const std::vector<Incident>& active, const std::vector<Incident>& ended,
                          const CellHover& where, double max_peak_active);
void incident_tooltip(const Incident& incident, const IncidentTable& table, const RunData& run, bool in_progress);
// One line: the ring, how many are in progress, what the size shows.
void incident_legend(std::size_t in_progress, std::size_t ended, bool show_ended);

}  // namespace zhili::view
