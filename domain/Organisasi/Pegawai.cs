namespace Kinerja.Domain.Organisasi;

/// <summary>An employee. <see cref="NipAtasan"/> is the <i>atasan langsung</i>; empty for the top person.</summary>
public sealed record Pegawai(Nip Nip, string Nama, string Email, string Jabatan, string KodeUnit, Nip? NipAtasan, bool KepalaUnit);
