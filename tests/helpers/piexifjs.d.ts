// piexifjs ships no types; the few parts the EXIF fixture uses (tests/helpers/exif-photo.ts).
declare module 'piexifjs' {
  type Ifd = Record<number, unknown>;
  const piexif: {
    dump(exif: { '0th'?: Ifd; Exif?: Ifd; GPS?: Ifd }): string;
    insert(exif: string, jpegBinary: string): string;
    ImageIFD: Record<'Make' | 'Model' | 'Software' | 'Orientation' | 'DateTime', number>;
    ExifIFD: Record<'DateTimeOriginal' | 'BodySerialNumber' | 'CameraOwnerName', number>;
    GPSIFD: Record<'GPSLatitudeRef' | 'GPSLatitude' | 'GPSLongitudeRef' | 'GPSLongitude', number>;
  };
  export default piexif;
}
