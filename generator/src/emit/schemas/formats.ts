import type { RuntimeHelper } from './runtime.js'

/**
 * Runtime checks of the string formats gatehouse asserts, written into schemas.ts when used
 * (runtime.ts explains why). Each follows its RFC's grammar rather than zod's built-ins, which
 * differ (zod's `time` has no offset, its `url` accepts spaces, its `email` refuses `~`).
 */
export const FORMAT_HELPERS: RuntimeHelper[] = [
  {
    name: '$date',
    source: `// RFC 3339 §5.6 full-date, with the days of each month (§5.7).
function $date(value: string): boolean {
  const match = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(value)
  if (!match) return false
  const year = Number(match[1])
  const month = Number(match[2])
  const day = Number(match[3])
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
  return days !== undefined && day >= 1 && day <= days
}`,
  },
  {
    name: '$time',
    source: `// RFC 3339 §5.6 full-time: an offset is required; a leap second only at 23:59:60 UTC.
function $time(value: string): boolean {
  const match = /^([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\\.[0-9]+)?(?:[zZ]|([+-])([0-9]{2}):([0-9]{2}))$/.exec(value)
  if (!match) return false
  const hour = Number(match[1])
  const minute = Number(match[2])
  const second = Number(match[3])
  const offsetHour = Number(match[5] ?? 0)
  const offsetMinute = Number(match[6] ?? 0)
  if (hour > 23 || minute > 59 || second > 60 || offsetHour > 23 || offsetMinute > 59) return false
  if (second < 60) return true
  const sign = match[4] === '-' ? 1 : -1
  const utc = (((hour * 60 + minute + sign * (offsetHour * 60 + offsetMinute)) % 1440) + 1440) % 1440
  return utc === 23 * 60 + 59
}`,
  },
  {
    name: '$dateTime',
    needs: ['$date', '$time'],
    source: `// RFC 3339 §5.6 date-time; the T may be lowercase (§5.6 note).
function $dateTime(value: string): boolean {
  return (value[10] === 'T' || value[10] === 't') && $date(value.slice(0, 10)) && $time(value.slice(11))
}`,
  },
  {
    name: '$ipv4',
    source: `// RFC 2673 §3.2 dotted-quad: four decimal octets, no leading zeros.
function $ipv4(value: string): boolean {
  return /^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$/.test(value)
}`,
  },
  {
    name: '$ipv6',
    needs: ['$ipv4'],
    source: `// RFC 4291 §2.2 text forms: eight groups, one "::" for one or more zero groups, an IPv4 tail.
function $ipv6(value: string): boolean {
  if (!/^[0-9A-Fa-f:.]+$/.test(value)) return false
  const halves = value.split('::')
  if (halves.length > 2) return false
  const head = halves[0] === '' ? [] : halves[0]!.split(':')
  const tail = halves.length === 2 && halves[1] !== '' ? halves[1]!.split(':') : []
  const groups = [...head, ...tail]
  let count = 0
  for (let i = 0; i < groups.length; i++) {
    const group = groups[i]!
    const last = i === groups.length - 1 && (halves.length === 1 || tail.length > 0)
    if (last && group.includes('.')) {
      if (!$ipv4(group)) return false
      count += 2
    } else if (/^[0-9A-Fa-f]{1,4}$/.test(group)) count++
    else return false
  }
  return halves.length === 2 ? count <= 7 : count === 8
}`,
  },
  {
    name: '$hostname',
    source: `// RFC 1123 §2.1 host name: dot-separated labels of letters, digits and inner hyphens.
function $hostname(value: string): boolean {
  if (value.length > 253) return false
  return value.split('.').every((label) => /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(label))
}`,
  },
  {
    name: '$email',
    needs: ['$hostname', '$ipv4', '$ipv6'],
    source: `// RFC 5321 §4.1.2 Mailbox: a dot-string or quoted-string local part, then a domain or address literal.
function $email(value: string): boolean {
  const at = value.lastIndexOf('@')
  if (at <= 0) return false
  const local = value.slice(0, at)
  const domain = value.slice(at + 1)
  const atom = "[A-Za-z0-9!#$%&'*+/=?^_\`{|}~-]+"
  const dotString = new RegExp('^' + atom + '(?:\\\\.' + atom + ')*$')
  if (!dotString.test(local) && !/^"(?:[\\x20\\x21\\x23-\\x5b\\x5d-\\x7e]|\\\\[\\x20-\\x7e])*"$/.test(local)) return false
  if (domain.startsWith('[') && domain.endsWith(']')) {
    const literal = domain.slice(1, -1)
    return literal.startsWith('IPv6:') ? $ipv6(literal.slice(5)) : $ipv4(literal)
  }
  return $hostname(domain)
}`,
  },
  {
    name: '$uuid',
    source: `// RFC 4122 §3 string form (any version and variant).
function $uuid(value: string): boolean {
  return /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/.test(value)
}`,
  },
  {
    name: '$uri',
    needs: ['$ipv6'],
    source: `// RFC 3986 §3 absolute URI: scheme, then an authority and path, query and fragment of allowed characters.
function $uri(value: string): boolean {
  const match = /^[A-Za-z][A-Za-z0-9+.-]*:([^?#]*)(?:\\?([^#]*))?(?:#(.*))?$/s.exec(value)
  if (!match) return false
  const sub = "[A-Za-z0-9._~!$&'()*+,;=-]|%[0-9A-Fa-f]{2}"
  const pchar = '(?:' + sub + '|[:@])'
  const tail = new RegExp('^(?:' + pchar + '|[/?])*$')
  if ((match[2] !== undefined && !tail.test(match[2])) || (match[3] !== undefined && !tail.test(match[3]))) return false
  let path = match[1]!
  if (path.startsWith('//')) {
    const end = path.indexOf('/', 2)
    const authority = end === -1 ? path.slice(2) : path.slice(2, end)
    path = end === -1 ? '' : path.slice(end)
    const parts = /^(?:([^@]*)@)?(\\[[^\\]]*\\]|[^:@]*)(?::([0-9]*))?$/.exec(authority)
    if (!parts) return false
    if (parts[1] !== undefined && !new RegExp('^(?:' + sub + '|:)*$').test(parts[1])) return false
    const host = parts[2]!
    if (host.startsWith('[')) {
      const inner = host.slice(1, -1)
      if (!$ipv6(inner) && !/^v[0-9A-Fa-f]+\\.[A-Za-z0-9._~!$&'()*+,;=:-]+$/.test(inner)) return false
    } else if (!new RegExp('^(?:' + sub + ')*$').test(host)) return false
  }
  return new RegExp('^(?:' + pchar + '|/)*$').test(path)
}`,
  },
]

/** The helper that checks each asserted format. */
export const FORMAT_CHECKS: Record<string, string> = {
  'date-time': '$dateTime',
  date: '$date',
  time: '$time',
  email: '$email',
  uuid: '$uuid',
  uri: '$uri',
  ipv4: '$ipv4',
  ipv6: '$ipv6',
  hostname: '$hostname',
}
