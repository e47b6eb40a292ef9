namespace Kinerja.Domain.Organisasi;

/// <summary>
/// An employee. <see cref="NipAtasan"/> is the <i>atasan langsung</i>; empty for the top person.
/// <see cref="TanggalMulai"/> is when the employee started in this post (transfer, return from study or leave), when
/// the import gives it: it sets the 15-day SKP deadline of a mid-year start (<c>TenggatSkp</c>).
/// </summary>
public sealed record Pegawai(Nip Nip, string Nama, string Email, string Jabatan, string KodeUnit, Nip? NipAtasan, bool KepalaUnit,
    DateOnly? TanggalMulai = null);
