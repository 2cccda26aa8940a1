import piexif from 'piexifjs';
import sharp from 'sharp';

/** Where and when the fixture photo was taken: 梁滩河, 2025-04-18 10:12:30 China time. */
export const PHOTO_TAKEN = { lat: 29.5765, lng: 106.3051, wallClock: '2025:04:18 10:12:30', takenAt: '2025-04-18T02:12:30.000Z' };

/**
 * A camera-like JPEG: EXIF with the capture time and GPS position, plus what a phone also writes
 * and a report must not leak (make, model, serial number, software, owner).
 */
export async function makeExifPhoto(width = 1600, height = 1200, orientation = 1): Promise<Buffer> {
  const jpeg = await sharp({ create: { width, height, channels: 3, background: '#5a6b3c' } }).jpeg().toBuffer();
  const dms = (value: number) => {
    const degrees = Math.floor(value);
    const minutesFloat = (value - degrees) * 60;
    const minutes = Math.floor(minutesFloat);
    return [[degrees, 1], [minutes, 1], [Math.round((minutesFloat - minutes) * 60 * 10000), 10000]];
  };
  const exif = piexif.dump({
    '0th': {
      [piexif.ImageIFD.Make]: 'FieldCam',
      [piexif.ImageIFD.Model]: 'FC-9000 Pro',
      [piexif.ImageIFD.Software]: 'FieldOS 4.2',
      [piexif.ImageIFD.Orientation]: orientation,
      [piexif.ImageIFD.DateTime]: PHOTO_TAKEN.wallClock,
    },
    Exif: {
      [piexif.ExifIFD.DateTimeOriginal]: PHOTO_TAKEN.wallClock,
      [piexif.ExifIFD.BodySerialNumber]: 'SN-0042-SECRET',
      [piexif.ExifIFD.CameraOwnerName]: '王建国',
    },
    GPS: {
      [piexif.GPSIFD.GPSLatitudeRef]: 'N',
      [piexif.GPSIFD.GPSLatitude]: dms(PHOTO_TAKEN.lat),
      [piexif.GPSIFD.GPSLongitudeRef]: 'E',
      [piexif.GPSIFD.GPSLongitude]: dms(PHOTO_TAKEN.lng),
    },
  });
  return Buffer.from(piexif.insert(exif, jpeg.toString('binary')), 'binary');
}

/** The APP1 EXIF block of a JPEG (`Exif\0\0…`), as the phone sends it beside a shrunk copy. */
export function exifBlockOf(jpeg: Buffer): Buffer {
  let offset = 2;
  while (offset + 4 <= jpeg.length && jpeg[offset] === 0xff) {
    const marker = jpeg[offset + 1]!;
    const length = jpeg.readUInt16BE(offset + 2);
    if (marker === 0xe1 && jpeg.toString('latin1', offset + 4, offset + 10) === 'Exif\0\0') return jpeg.subarray(offset + 4, offset + 2 + length);
    offset += 2 + length;
  }
  throw new Error('no EXIF block');
}

/** A tiny PNG whose header declares `width × height`: a decompression bomb, refused from its header. */
export async function makeHugeDeclaredPng(width: number, height: number): Promise<Buffer> {
  const png = Buffer.from(await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } }).png().toBuffer());
  // IHDR data starts at byte 16 (8 signature + 4 length + 4 type); its CRC covers type + data (17 bytes).
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
