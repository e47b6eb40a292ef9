using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Kontrak;
using Kinerja.Domain.Organisasi;

namespace Kinerja.Domain.Dialog;

/// <summary>The two kinds of performance dialog (domain.md §8).</summary>
public enum JenisDialog
{
    /// <summary><i>Dialog Kinerja Individu</i>: a leader with one direct report, monthly.</summary>
    Dki,

    /// <summary><i>Dialog Kinerja Organisasi</i>: the head of a unit with its officials, quarterly.</summary>
    Dko,
}

/// <summary>
/// Which run of dialogs a dialog belongs to: the DKI of a leader with one direct report, or the DKO of a unit. Open
/// follow-ups carry over inside a series; <see cref="Kunci"/> is its stable text key (stored with every dialog and
/// follow-up).
/// </summary>
public readonly record struct SeriDialog
{
    private SeriDialog(JenisDialog jenis, Nip pemimpin, Nip? bawahan, string? kodeUnit)
    {
        Jenis = jenis;
        Pemimpin = pemimpin;
        Bawahan = bawahan;
        KodeUnit = kodeUnit;
    }

    public JenisDialog Jenis { get; }

    /// <summary>The leader: the atasan langsung (DKI) or the head of the unit (DKO).</summary>
    public Nip Pemimpin { get; }

    /// <summary>The direct report of a DKI; null for a DKO.</summary>
    public Nip? Bawahan { get; }

    /// <summary>The unit of a DKO; null for a DKI.</summary>
    public string? KodeUnit { get; }

    public static SeriDialog Dki(Nip pemimpin, Nip bawahan) =>
        pemimpin == bawahan ? throw new DomainException("DKI tidak dapat dengan diri sendiri") : new(JenisDialog.Dki, pemimpin, bawahan, null);

    public static SeriDialog Dko(Nip kepala, string kodeUnit) =>
        string.IsNullOrWhiteSpace(kodeUnit) ? throw new DomainException("Kode unit DKO kosong") : new(JenisDialog.Dko, kepala, null, kodeUnit.Trim());

    /// <summary><c>dki|{pemimpin}|{bawahan}</c> or <c>dko|{unit}|{kepala}</c>.</summary>
    public string Kunci => Jenis == JenisDialog.Dki
        ? $"dki|{Pemimpin.Value}|{Bawahan!.Value.Value}"
        : $"dko|{KodeUnit}|{Pemimpin.Value}";

    public static SeriDialog Parse(string kunci)
    {
        var bagian = (kunci ?? "").Split('|');
        return bagian switch
        {
            ["dki", var p, var b] => Dki(Nip.Parse(p), Nip.Parse(b)),
            ["dko", var u, var p] => Dko(Nip.Parse(p), u),
            _ => throw new DomainException($"Kunci seri dialog '{kunci}' tidak dikenal"),
        };
    }

    public override string ToString() => Kunci;
}

/// <summary>Why something is on an agenda; the order of the values is the order of the agenda (domain.md §8).</summary>
public enum JenisItemAgenda
{
    /// <summary>An IKU whose capaian is red (below the policy's yellow threshold).</summary>
    IkuMerah,

    /// <summary>An IKU whose capaian is below 100 but not red.</summary>
    IkuKuning,

    /// <summary>An IKU with a target but no realisation yet.</summary>
    RealisasiBelumAda,

    /// <summary>The SKP's state and deadline.</summary>
    Skp,

    /// <summary>A follow-up of an earlier dialog past its due date.</summary>
    TindakLanjutTerlambat,

    /// <summary>A follow-up of an earlier dialog still open.</summary>
    TindakLanjutTerbuka,

    /// <summary>DKO: a strategic objective whose value is below 100 (test the validity of the SS and its IKU).</summary>
    SasaranStrategis,

    /// <summary>DKO: progress of a strategic initiative.</summary>
    InisiatifStrategis,

    /// <summary>DKO: the unit's NKO over the year.</summary>
    TrenNko,

    /// <summary>Anything else discussed (the record card's free minutes).</summary>
    LainLain,
}

/// <summary>
/// One item of an agenda: what (<see cref="Judul"/>), why it is there (<see cref="Alasan"/>, shown to people) and
/// details (<see cref="Rincian"/>). IKU items carry their numbers (consolidated target, realisation, the gap
/// <c>realisasi − target</c>, indeks capaian, unit) so cards and documents format them in id-ID.
/// </summary>
public sealed record ItemAgenda(JenisItemAgenda Jenis, string Judul, string Alasan, string? Rincian = null)
{
    public string? KodeIku { get; init; }

    public decimal? Target { get; init; }

    public decimal? Realisasi { get; init; }

    /// <summary><c>realisasi − target</c> (for a range: to the nearest bound).</summary>
    public decimal? Selisih { get; init; }

    public decimal? IndeksCapaian { get; init; }

    public string? Satuan { get; init; }

    /// <summary>The follow-up this item is about (carried over).</summary>
    public string? IdTindakLanjut { get; init; }

    private readonly string? _kunci;

    /// <summary>
    /// A stable key of what the item is about, the same however its numbers or reason change: an IKU by its code (red,
    /// yellow or missing realisation alike), a follow-up by its id, an SKP by its year (set by <see cref="PenyusunAgenda"/>),
    /// anything else by its kind and title. The record card keys each minutes box by it, so minutes stay with their
    /// item when the agenda is rebuilt. 12 lowercase hex characters.
    /// </summary>
    public string Kunci
    {
        get => _kunci ?? BuatKunci(KodeIku is not null ? "iku|" + KodeIku : IdTindakLanjut is not null ? "tl|" + IdTindakLanjut : $"{Jenis}|{Judul}");
        init => _kunci = value;
    }

    /// <summary>The key of an item about <paramref name="identitas"/> (for example <c>skp|2027</c>).</summary>
    public static string BuatKunci(string identitas) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identitas)))[..12];
}

/// <summary>The generated agenda of a dialog: its series, the data period it reads, and the items in order.</summary>
public sealed record AgendaDialog(SeriDialog Seri, Periode Periode, IReadOnlyList<ItemAgenda> Item)
{
    /// <summary>
    /// A fingerprint of the agenda as shown: the period and every item's key, title, reason and details, in order
    /// (16 lowercase hex characters). The record card carries it; a save whose agenda no longer has the same
    /// fingerprint (a realisation came in, a follow-up was closed) is refused, so minutes are never saved against an
    /// agenda the leader did not see.
    /// </summary>
    public string Sidik
    {
        get
        {
            var teks = new StringBuilder(Seri.Kunci).Append('\n').Append(Periode.Label);
            foreach (var i in Item)
            {
                teks.Append('\n').Append(i.Kunci).Append('|').Append(i.Judul).Append('|').Append(i.Alasan).Append('|').Append(i.Rincian);
            }

            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(teks.ToString())))[..16];
        }
    }
}

/// <summary>
/// A strategic initiative of a unit with its progress (domain.md §2: projects attached to an SS, monitored at each DKO).
/// Validated at construction: a name and a strategic objective, progress 0–100; an empty description is none.
/// </summary>
public sealed record InisiatifStrategis(string Nama, string SasaranStrategis, decimal ProgresPersen, DateOnly? Tenggat = null, string? Keterangan = null)
{
    public string Nama { get; init; } = string.IsNullOrWhiteSpace(Nama) ? throw new DomainException("Nama inisiatif strategis kosong") : Nama.Trim();

    public string SasaranStrategis { get; init; } = string.IsNullOrWhiteSpace(SasaranStrategis)
        ? throw new DomainException($"Inisiatif strategis '{Nama}' tidak menyebut sasaran strategis")
        : SasaranStrategis.Trim();

    public decimal ProgresPersen { get; init; } = ProgresPersen is >= 0 and <= 100
        ? ProgresPersen
        : throw new DomainException($"Progres inisiatif strategis '{Nama}' harus 0–100, bukan {ProgresPersen.ToString(CultureInfo.InvariantCulture)}");

    public string? Keterangan { get; init; } = string.IsNullOrWhiteSpace(Keterangan) ? null : Keterangan.Trim();
}

/// <summary>The SKP state a DKI discusses: year, status and deadline (from the SKP workflow).</summary>
public sealed record KeadaanSkp(int Tahun, StatusSkp Status, TenggatSkp Tenggat);

/// <summary>An agenda item as held: the item and its minutes (<i>notula</i>).</summary>
public sealed record ButirNotula(ItemAgenda Item, string Notula);

/// <summary>Id-ID numbers written without a culture (same text on every host), as <see cref="TanggalIndonesia"/> does for dates.</summary>
public static class AngkaIndonesia
{
    /// <summary><c>98,75</c>, <c>1.234,50</c>, <c>-3,00</c>: two decimals, half away from zero.</summary>
    public static string Format(decimal nilai)
    {
        var teks = Math.Round(nilai, 2, MidpointRounding.AwayFromZero).ToString("#,##0.00", CultureInfo.InvariantCulture);
        return teks.Replace(',', '_').Replace('.', ',').Replace('_', '.');
    }
}
