using System.Globalization;
using Kinerja.Domain.Dialog;
using Kinerja.Domain.Kontrak;
using Kinerja.Domain.Organisasi;

namespace KinerjaBot.Storage;

/// <summary>
/// How a dialog's values become stored text, shared by the SQLite and Azure Tables adapters so both keep the same
/// representation: dates <c>yyyy-MM-dd</c>, times <c>HH:mm</c>, decimals invariant text (no binary floating point),
/// enums by name, instants as <see cref="SqliteKeys.Waktu"/>.
/// </summary>
internal static class DialogRows
{
    public static string Tanggal(DateOnly tanggal) => tanggal.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly Tanggal(string teks) => DateOnly.ParseExact(teks, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Jam(TimeOnly jam) => jam.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static TimeOnly Jam(string teks) => TimeOnly.ParseExact(teks, "HH:mm", CultureInfo.InvariantCulture);

    public static string? Angka(decimal? nilai) => nilai?.ToString(CultureInfo.InvariantCulture);

    public static decimal? Angka(string? teks) => teks is null ? null : decimal.Parse(teks, NumberStyles.Number, CultureInfo.InvariantCulture);

    public static DateTimeOffset Waktu(string teks) =>
        DateTimeOffset.Parse(teks, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static JenisItemAgenda Jenis(string teks) => Enum.Parse<JenisItemAgenda>(teks, ignoreCase: false);

    public static StatusTindakLanjut Status(string teks) => Enum.Parse<StatusTindakLanjut>(teks, ignoreCase: false);

    public static Pelaku Pelaku(string nip, string nama) => new(Nip.Parse(nip), nama);

    /// <summary>Fields of a stored follow-up, in one record so both adapters read them the same way.</summary>
    public sealed record BarisTindakLanjut(
        string Id, string KodeKantor, string DialogId, string Seri, string Uraian, string Pic, string PicNama, string Tenggat, string DibuatPada,
        string Status, string? Catatan, string? DitutupOleh, string? DitutupOlehNama, string? DitutupPada, int Versi)
    {
        public TindakLanjut KeDomain() => new(Id, KodeKantor, DialogId, SeriDialog.Parse(Seri), Uraian, Pelaku(Pic, PicNama), Tanggal(Tenggat), Tanggal(DibuatPada),
            DialogRows.Status(Status), Catatan, DitutupOleh is null ? null : Pelaku(DitutupOleh, DitutupOlehNama ?? ""),
            DitutupPada is null ? null : Waktu(DitutupPada), Versi);

        public static BarisTindakLanjut Dari(TindakLanjut t, int versi) => new(t.Id, t.KodeKantor, t.IdDialog, t.Seri.Kunci, t.Uraian, t.Pic.Nip.Value, t.Pic.Nama,
            Tanggal(t.Tenggat), Tanggal(t.DibuatPada), t.Status.ToString(), t.Catatan, t.DitutupOleh?.Nip.Value, t.DitutupOleh?.Nama,
            t.DitutupPadaUtc is { } p ? SqliteKeys.Waktu(p) : null, versi);
    }
}
