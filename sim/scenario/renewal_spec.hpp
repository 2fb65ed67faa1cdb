// Places that change (docs/MODEL.md 7.14): urban-village and fringe renewal
// (城中村改造, 地区改造) and land requisition (征地) as dated projects of the
// schedule, and the behaviour common to every project (`renewal:`).
//
// A project's timeline, from its `notice` date: consultation (months in which
// owners may agree to the terms; demolition waits for `consent` of them),
// demolition (the area's cells cleared in equal parts over its months, their
// residents displaced), construction (the area has no homes), completion (the
// area takes its new zone, homes and rent; resettled owners move in).
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "scenario/zone.hpp"

namespace zhili {

// Cells of a project: a rectangle (inclusive corners), a list of cells, a
// zone (every cell of it), or a zone within a rectangle. Resolved against
// the built map (model/renewal.cpp).
struct RenewalArea {
  bool has_rect = false;
  CellXY from, to;
  std::vector<CellXY> cells;
  bool has_zone = false;
  Zone zone = Zone::urban_village;
};

// What is built on the cleared area.
struct RenewalBuild {
  Zone zone = Zone::fringe;  // the area's zone once complete
  int homes = 0;             // simulated households per cell (world.capacity's unit)
  double rent = 0.0;         // yuan per month per home; 0 = world.rent of the new zone
  std::string outlet;        // an outlet of services.outlets opened at completion ("" = none)
};

struct RenewalProject {
  int order = 0;                   // position of its schedule entry (Scenario::schedule_names)
  int file_order = 0;              // its position in the file, for messages (order is renumbered
                                   //   when entries before it are switched off)
  RenewalArea area;
  std::int64_t notice_step = 0;    // step of its notice date (from run.start)
  double consultation_months = 0;  // months between notice and demolition
  double consent = 0.0;            // share of owners who must agree before demolition starts
  double demolition_months = 1;    // cells cleared over this many months
  double construction_months = 12; // no homes in the area meanwhile
  RenewalBuild build;
  double compensation = 1.0;       // paid to owners, as a share of their home's market value
  double resettled = 0.0;          // share of owners given a home in the rebuilt area (回迁)
  double hukou_conversion = 0.0;   // share of displaced rural owners converting to urban hukou (农转非)

  // Compensation below market value, in units of it (0 at or above market value).
  double shortfall() const { return compensation < 1.0 ? 1.0 - compensation : 0.0; }
};

// Behaviour of every project (renewal.* in a scenario). Loads are units of
// the unmet-need load that grievance.unmet_weight turns into hardship.
struct RenewalSpec {
  double home_value_years = 25.0;     // a home's market value, in years of its rent
  double notice_load = 0.5;           // every household of the area, at the notice
  double shortfall_load = 3.0;        // owners, per unit of compensation below market value, at the notice
  double eviction_load = 2.0;         // at displacement, households that did not agree to go
  double consultation_relief = 0.6;   // share of the notice load, tenants' eviction load and tenancy disputes
                                      //   removed by full consultation
  double consultation_full_months = 6.0;  // months of consultation that count as full
  double agree_rate = 0.3;            // monthly chance an owner agrees, at compensation 1 (scaled by it)
  double max_wait_months = 24.0;      // demolition starts by then even without consent
  double compensation_dispute = 0.05; // chance of a compensation dispute, owner who did not agree ...
  double shortfall_dispute = 0.3;     // ... plus this per unit of shortfall
  double tenancy_dispute = 0.15;      // chance of a tenancy dispute per displaced tenant (before consultation)
  double tenant_rent_tolerance = 1.5; // a displaced tenant takes no home dearer than this times its rent
  double rent_elasticity = 0.5;       // rent change when a zone's vacant homes at run.start have all filled
  double rent_adjustment = 0.0;       // yearly speed at which rents move to that level; 0 = fixed rents
  double near_km = 1.5;               // "near the area": within this distance of its cells
  double affected_months = 24.0;      // complaints count as the project's this long after its demolition
  std::vector<RenewalProject> projects;  // from the schedule, in file order

  // Share of the notice load (and tenants' eviction load and disputes) that
  // a project's consultation removes.
  double relief(const RenewalProject& p) const {
    return consultation_relief * std::min(1.0, p.consultation_months / consultation_full_months);
  }
};

}  // namespace zhili
