using Kinerja.Domain.Kontrak;
using Kinerja.Domain.Organisasi;

namespace Kinerja.Domain.Dialog;

/// <summary>Where a follow-up stands.</summary>
public enum StatusTindakLanjut
{
    Terbuka,
    Selesai,
    Dibatalkan,
}

/// <summary>The answer to closing a follow-up: done, refused with a reason, or it had changed (closed by someone else).</summary>
public enum JenisHasilTindakLanjut
{
    Berhasil,
    Ditolak,
    SudahBerubah,
}

public sealed record HasilTindakLanjut(JenisHasilTindakLanjut Jenis, string Pesan)
{
    public bool Berhasil => Jenis == JenisHasilTindakLanjut.Berhasil;
}

/// <summary>
/// A follow-up (<i>tindak lanjut</i>) agreed in a dialog: what, who (the PIC, one of the participants), by when. It is
/// open until the PIC or the dialog's leader marks it done (with a short note) or the leader cancels it (with a
/// reason); open ones carry over to the next agenda of the series. <see cref="Versi"/> is the stored version: a save
/// succeeds only on it, so two people closing the same follow-up end with exactly one close.
/// </summary>
public sealed class TindakLanjut
{
    public const int UraianMaksimal = DialogKinerja.UraianTindakLanjutMaksimal;
    public const int CatatanMaksimal = 500;

    public TindakLanjut(string id, string kodeKantor, string idDialog, SeriDialog seri, string uraian, Pelaku pic, DateOnly tenggat, DateOnly dibuatPada,
        StatusTindakLanjut status = StatusTindakLanjut.Terbuka, string? catatan = null, Pelaku? ditutupOleh = null, DateTimeOffset? ditutupPadaUtc = null, int versi = 1)
    {
        if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(kodeKantor) || string.IsNullOrWhiteSpace(idDialog))
        {
            throw new DomainException("Tindak lanjut perlu id, kantor dan dialog");
        }

        if (string.IsNullOrWhiteSpace(uraian))
        {
            throw new DomainException("Uraian tindak lanjut kosong");
        }

        if (versi < 1)
        {
            throw new DomainException("Versi tindak lanjut mulai dari 1");
        }

        if (status != StatusTindakLanjut.Terbuka && (string.IsNullOrWhiteSpace(catatan) || ditutupOleh is null || ditutupPadaUtc is null))
        {
            throw new DomainException("Tindak lanjut yang ditutup perlu catatan, siapa dan kapan");
        }

        Id = id.Trim();
        KodeKantor = kodeKantor.Trim();
        IdDialog = idDialog.Trim();
        Seri = seri;
        Uraian = uraian.Trim();
        Pic = pic ?? throw new DomainException("PIC tindak lanjut kosong");
        Tenggat = tenggat;
        DibuatPada = dibuatPada;
        Status = status;
        Catatan = catatan?.Trim();
        DitutupOleh = ditutupOleh;
        DitutupPadaUtc = ditutupPadaUtc;
        Versi = versi;
    }

    public string Id { get; }

    public string KodeKantor { get; }

    public string IdDialog { get; }

    public SeriDialog Seri { get; }

    public string Uraian { get; }

    public Pelaku Pic { get; }

    /// <summary>The due date (inclusive), in the office's calendar.</summary>
    public DateOnly Tenggat { get; }

    /// <summary>The office date of the dialog that agreed it.</summary>
    public DateOnly DibuatPada { get; }

    public StatusTindakLanjut Status { get; private set; }

    /// <summary>The note of a done follow-up or the reason of a cancelled one.</summary>
    public string? Catatan { get; private set; }

    public Pelaku? DitutupOleh { get; private set; }

    public DateTimeOffset? DitutupPadaUtc { get; private set; }

    /// <summary>The stored version this object was loaded at (1 when created); the store bumps it on every save.</summary>
    public int Versi { get; }

    /// <summary>True once <see cref="Selesaikan"/> or <see cref="Batalkan"/> changed it since it was loaded.</summary>
    public bool Berubah { get; private set; }

    /// <summary>Open and past its due date on <paramref name="hariIni"/> (the office's local date).</summary>
    public bool Terlambat(DateOnly hariIni) => Status == StatusTindakLanjut.Terbuka && hariIni > Tenggat;

    /// <summary>The PIC or the leader of the dialog may mark it done.</summary>
    public bool BolehDiselesaikanOleh(Nip nip) => nip == Pic.Nip || nip == Seri.Pemimpin;

    /// <summary>Marks it done with a short note, by the PIC or the dialog's leader.</summary>
    public HasilTindakLanjut Selesaikan(Pelaku oleh, string? catatan, DateTimeOffset padaUtc, int versiDilihat)
    {
        ArgumentNullException.ThrowIfNull(oleh);
        if (!BolehDiselesaikanOleh(oleh.Nip))
        {
            return new(JenisHasilTindakLanjut.Ditolak, $"Hanya PIC ({Pic.Nama}) atau pemimpin dialog yang dapat menandai tindak lanjut ini selesai.");
        }

        return Tutup(StatusTindakLanjut.Selesai, oleh, catatan, padaUtc, versiDilihat, "Tuliskan catatan singkat hasil tindak lanjut ini sebelum menandainya selesai.");
    }

    /// <summary>Cancels it with a reason; only the dialog's leader.</summary>
    public HasilTindakLanjut Batalkan(Pelaku oleh, string? alasan, DateTimeOffset padaUtc, int versiDilihat)
    {
        ArgumentNullException.ThrowIfNull(oleh);
        if (oleh.Nip != Seri.Pemimpin)
        {
            return new(JenisHasilTindakLanjut.Ditolak, "Hanya pemimpin dialog yang dapat membatalkan tindak lanjut.");
        }

        return Tutup(StatusTindakLanjut.Dibatalkan, oleh, alasan, padaUtc, versiDilihat, "Tuliskan alasan pembatalan tindak lanjut ini.");
    }

    private HasilTindakLanjut Tutup(StatusTindakLanjut ke, Pelaku oleh, string? catatan, DateTimeOffset padaUtc, int versiDilihat, string pesanKosong)
    {
        if (Status != StatusTindakLanjut.Terbuka)
        {
            return new(JenisHasilTindakLanjut.SudahBerubah, KeteranganTutup());
        }

        if (versiDilihat != Versi)
        {
            return new(JenisHasilTindakLanjut.SudahBerubah, "Tindak lanjut ini sudah berubah sejak kartu Anda dibuat. Inilah keadaan terbarunya.");
        }

        if (string.IsNullOrWhiteSpace(catatan))
        {
            return new(JenisHasilTindakLanjut.Ditolak, pesanKosong);
        }

        var c = catatan.Trim();
        if (c.Length > CatatanMaksimal)
        {
            return new(JenisHasilTindakLanjut.Ditolak, $"Catatan paling panjang {CatatanMaksimal} karakter.");
        }

        Status = ke;
        Catatan = c;
        DitutupOleh = oleh;
        DitutupPadaUtc = padaUtc;
        Berubah = true;
        return new(JenisHasilTindakLanjut.Berhasil, ke == StatusTindakLanjut.Selesai ? $"Tindak lanjut ditandai selesai oleh {oleh.Nama}." : $"Tindak lanjut dibatalkan oleh {oleh.Nama}.");
    }

    /// <summary>"Sudah ditandai selesai oleh Lestari Handayani: …", for a follow-up no longer open.</summary>
    public string KeteranganTutup() => Status switch
    {
        StatusTindakLanjut.Selesai => $"Tindak lanjut ini sudah ditandai selesai oleh {DitutupOleh!.Nama}: {Catatan}",
        StatusTindakLanjut.Dibatalkan => $"Tindak lanjut ini sudah dibatalkan oleh {DitutupOleh!.Nama}: {Catatan}",
        _ => "Tindak lanjut ini masih terbuka.",
    };
}
