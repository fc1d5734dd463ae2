/**
 * Draws a {@link LocatorMap}: land, borders, and the place as a dot or an
 * outline, in the card's palette (light and dark). The caption names the
 * place and the data's sources; the SVG itself is an image with that name.
 */
import type { LocatorMap } from '../shared/messages';

/** A small offline locator map. */
export function LocatorMapView({ map }: { map: LocatorMap }) {
  return (
    <figure class="px-map">
      <svg viewBox={`0 0 ${map.width} ${map.height}`} role="img" aria-label={map.caption} width={map.width} height={map.height}>
        <rect width={map.width} height={map.height} class="px-map-sea" />
        <path d={map.land} class="px-map-land" />
        <path d={map.borders} class="px-map-border" />
        {map.outline && <path d={map.outline} class="px-map-place" />}
        {map.point && (
          <>
            <circle cx={map.point.x} cy={map.point.y} r={11} class="px-map-halo" />
            <circle cx={map.point.x} cy={map.point.y} r={5.5} class="px-map-dot" />
          </>
        )}
      </svg>
      <figcaption class="px-muted px-small">{map.caption}</figcaption>
    </figure>
  );
}
