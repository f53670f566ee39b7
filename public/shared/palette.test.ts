import { ICON_TYPES } from '@elastic/eui';
import { ENTITY_TYPES, GraphNodeType } from '../../common/types';
import { ENTITY_COLORS, ENTITY_ICONS, ENTITY_LABELS, entityColor, entityIcon, entityLabel } from './palette';

const NODE_TYPES: GraphNodeType[] = ['finding', ...ENTITY_TYPES];

describe('entity palette', () => {
  it('knows the entity types of every GuardDuty family', () => {
    expect(entityLabel('k8s_cluster')).toBe('EKS cluster');
    expect(entityLabel('db_user')).toBe('Database user');
    expect(entityLabel('signal')).toBe('Attack sequence signal');
  });

  it('gives every node type a distinct label, an icon OUI has and a colour', () => {
    const icons = ICON_TYPES as readonly string[];
    for (const t of NODE_TYPES) {
      expect([t, icons.includes(ENTITY_ICONS[t])]).toEqual([t, true]);
      expect([t, ENTITY_COLORS[t]]).toEqual([t, expect.stringMatching(/^#[0-9A-F]{3,6}$/i)]);
      expect([t, ENTITY_LABELS[t]]).toEqual([t, expect.any(String)]);
    }
    expect(new Set(NODE_TYPES.map((t) => ENTITY_LABELS[t])).size).toBe(NODE_TYPES.length);
    // Nothing in the maps the type lists do not know.
    expect(Object.keys(ENTITY_LABELS).sort()).toEqual([...NODE_TYPES].sort());
  });

  it('falls back to a readable label, a neutral icon and colour for a type it does not know', () => {
    expect(entityLabel('iot_device')).toBe('Iot device');
    expect(entityIcon('iot_device')).toBe('questionInCircle');
    expect((ICON_TYPES as readonly string[]).includes(entityIcon('iot_device'))).toBe(true);
    expect(entityColor('iot_device')).toMatch(/^#[0-9A-F]{6}$/i);
    // Not fooled by names on Object.prototype.
    expect(entityLabel('constructor')).toBe('Constructor');
    expect(entityIcon('toString')).toBe('questionInCircle');
  });
});
