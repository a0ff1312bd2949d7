// Plainly fictional people: invented surnames with ordinary first names, example.com emails and Ofcom's drama
// phone ranges, so no demo record can be mistaken for, or reach, a real person.

export const INVENTED_SURNAMES = [
  'Ashcombe', 'Fernleigh', 'Quillby', 'Marrowfield', 'Thistlecombe', 'Brackenholt', 'Dunmarrow', 'Wrenwick',
  'Kestleby', 'Larkmoor', 'Orrelby', 'Pennithorne', 'Quistmoor', 'Rushwithy', 'Sallowmere', 'Tamberlow',
  'Umbleton', 'Vellismore', 'Wimbleforth', 'Yarrowdene', 'Zennorby', 'Amberthwaite', 'Birchwhistle', 'Coldharne',
  'Dapplewick', 'Elderbrook', 'Foxhollin', 'Gorsemoor', 'Hartlewick', 'Ivelthorpe', 'Juniperfield', 'Kindlewood',
  'Loamsley', 'Mossingford', 'Nettlebarrow', 'Oakensley', 'Pebbleworth', 'Quarrendale', 'Rooksmere', 'Sedgeworth',
  'Tansleigh', 'Underhallow', 'Vantleby', 'Willowmarsh', 'Yewlington', 'Alderwick', 'Bramblecote', 'Cloverdell',
  'Dimmingsby', 'Ellerthorne', 'Fallowmere', 'Greythwaite', 'Heatherslow', 'Inglewhistle', 'Jessamore', 'Kilnerby',
  'Lintwhistle', 'Mirrowdale', 'Nockleby', 'Oxenmarsh', 'Pilcherwood', 'Quernsby', 'Rowanthwaite', 'Saltmarrow',
  'Teazleby', 'Upwhistle', 'Wexingford', 'Brindlethorpe', 'Copperwick', 'Drummerslow', 'Fennelsby', 'Gildermoor',
  'Hobblethwaite', 'Larchmantle', 'Mallowbrook', 'Orchardine', 'Pipperidge', 'Reedlingham', 'Starlingford',
  'Tumbleacre', 'Wickenshaw', 'Bellthistle',
] as const;

export const ADULT_FIRST_NAMES = [
  'Sarah', 'James', 'Emma', 'David', 'Priya', 'Mohammed', 'Aisha', 'Tom', 'Grace', 'Daniel', 'Olivia', 'Ryan',
  'Chloe', 'Adam', 'Hannah', 'Imran', 'Zainab', 'Michael', 'Rachel', 'Gareth', 'Joanne', 'Kwame', 'Amara', 'Liam',
  'Sophie', 'Craig', 'Kelly', 'Marcin', 'Agnieszka', 'Harpreet', 'Jaspreet', 'Paul', 'Helen', 'Mark', 'Claire',
  'Andrew', 'Nicola', 'Stephen', 'Lisa', 'Wayne', 'Donna', 'Peter', 'Susan', 'Ben', 'Lucy', 'Sam', 'Jade', 'Nathan',
  'Gemma', 'Oluwaseun', 'Fatima', 'Tariq', 'Ewa', 'Ruth', 'Simon', 'Karen', 'Dean', 'Leanne', 'Chris', 'Tanya',
] as const;

export const CHILD_FIRST_NAMES = [
  'Alfie', 'Isla', 'Noah', 'Amelia', 'Leo', 'Ava', 'Oscar', 'Freya', 'Zara', 'Yusuf', 'Maya', 'Jacob', 'Ruby',
  'Ellie', 'Harvey', 'Poppy', 'Theo', 'Layla', 'Archie', 'Daisy',
] as const;

export const STREET_SUFFIXES = ['Close', 'Road', 'Avenue', 'Way', 'Crescent', 'Drive', 'Gardens', 'Lane'] as const;

/** 'Sarah', 'Ashcombe', 12 → 'sarah.ashcombe.12@example.com' (RFC 2606 reserved domain). */
export function exampleEmail(firstName: string, surname: string, householdNumber: number): string {
  return `${firstName}.${surname}.${householdNumber}@example.com`.toLowerCase();
}

/**
 * Ofcom's drama numbers, in the national form normalisePhone() stores: 07700 900000–900999 (mobile) and
 * 0115 496 0000–0999 (Nottingham). 2,000 in all, handed out once each so duplicate matching never links strangers;
 * once they run out, households have no phone number.
 */
export function createPhonePool(): { take(): string | null } {
  let nextSlot = 0;
  return {
    take() {
      if (nextSlot >= 2000) return null;
      const slot = nextSlot++;
      const suffix = String(slot % 1000).padStart(3, '0');
      return slot < 1000 ? `07700900${suffix}` : `01154960${suffix}`;
    },
  };
}
