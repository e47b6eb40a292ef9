using System.Globalization;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Pengiriman;
using Kinerja.Domain.Ports;
using Microsoft.Data.Sqlite;

namespace KinerjaBot.Storage;

/// <summary>
/// <see cref="IBukuPengirimanStore"/> on SQLite: table <c>pengiriman</c>, keyed (office, kind, period, NIP). A change is
/// one <c>UPDATE … WHERE versi = $lama</c>: of two writers of the same version exactly one changes a row.
/// </summary>
/// <para>Writes of this process go through one gate: SQLite has one writer at a time, and many workers of a fan-out
/// otherwise meet in SQLite's busy handler, whose sleeps (up to 100 ms each) cost more than the writes themselves.
/// Another process on the same file still waits in the busy timeout.</para>
public sealed class SqliteBukuPengirimanStore(SqliteDatabase database) : IBukuPengirimanStore
{
    private readonly SemaphoreSlim _penulis = new(1, 1);

    private const string Kolom = """
        kantor, jenis, kurun, nip, status, kirim_setelah, versi, percobaan, ditunda, mulai_kirim_pada, pekerja, alasan, keterangan,
        mungkin_terkirim, service_url, conversation_id, activity_id, dibuat_pada, diperbarui_pada
        """;

    public async Task<bool> TambahAsync(CatatanPengiriman catatan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catatan);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"""
            INSERT INTO pengiriman ({Kolom})
            VALUES ($kantor, $jenis, $kurun, $nip, $status, $kirim, $versi, $percobaan, $ditunda, $mulai, $pekerja, $alasan, $ket,
                    $mungkin, $url, $conv, $act, $dibuat, $diperbarui)
            ON CONFLICT (kantor, jenis, kurun, nip) DO NOTHING;
            """;
        Isi(cmd, catatan);
        return await TulisAsync(cmd, cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<CatatanPengiriman?> CariAsync(KunciPengiriman kunci, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kunci);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT {Kolom} FROM pengiriman WHERE kantor = $kantor AND jenis = $jenis AND kurun = $kurun AND nip = $nip;";
        Kunci(cmd, kunci);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await r.ReadAsync(cancellationToken).ConfigureAwait(false) ? Baca(r) : null;
    }

    public async Task<bool> GantiAsync(CatatanPengiriman baru, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(baru);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            UPDATE pengiriman SET status = $status, kirim_setelah = $kirim, versi = $versi, percobaan = $percobaan, ditunda = $ditunda,
                mulai_kirim_pada = $mulai, pekerja = $pekerja, alasan = $alasan, keterangan = $ket, mungkin_terkirim = $mungkin,
                service_url = $url, conversation_id = $conv, activity_id = $act, diperbarui_pada = $diperbarui
            WHERE kantor = $kantor AND jenis = $jenis AND kurun = $kurun AND nip = $nip AND versi = $lama;
            """;
        Isi(cmd, baru);
        cmd.Parameters.AddWithValue("$lama", baru.Versi - 1);
        return await TulisAsync(cmd, cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<HalamanPengiriman> DaftarAsync(string kodeKantor, string jenis, string kurun, StatusPengiriman? status, string? lanjutan, int ukuran,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ukuran, 1);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"""
            SELECT {Kolom} FROM pengiriman
            WHERE kantor = $kantor AND jenis = $jenis AND kurun = $kurun AND nip > $setelah AND ($status IS NULL OR status = $status)
            ORDER BY nip LIMIT $n;
            """;
        cmd.Parameters.AddWithValue("$kantor", SqliteKeys.Kantor(kodeKantor));
        cmd.Parameters.AddWithValue("$jenis", jenis);
        cmd.Parameters.AddWithValue("$kurun", kurun);
        cmd.Parameters.AddWithValue("$setelah", lanjutan ?? "");
        cmd.Parameters.AddWithValue("$status", status is { } s ? s.ToString() : DBNull.Value);
        cmd.Parameters.AddWithValue("$n", ukuran + 1);
        var hasil = new List<CatatanPengiriman>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            hasil.Add(Baca(r));
        }

        // The continuation is the last NIP returned (NIPs are fixed-width digits: they order as text).
        return hasil.Count > ukuran
            ? new HalamanPengiriman(hasil[..ukuran], hasil[ukuran - 1].Kunci.Penerima.Value)
            : new HalamanPengiriman(hasil, null);
    }

    public async Task<IReadOnlyList<RingkasanPengiriman>> RingkasAsync(string kodeKantor, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            SELECT jenis, kurun, status, count(*), sum(mungkin_terkirim), sum(mulai_kirim_pada IS NOT NULL), max(diperbarui_pada)
            FROM pengiriman WHERE kantor = $kantor GROUP BY jenis, kurun, status;
            """;
        cmd.Parameters.AddWithValue("$kantor", SqliteKeys.Kantor(kodeKantor));
        var per = new Dictionary<(string, string), Akumulasi>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var kunci = (r.GetString(0), r.GetString(1));
            if (!per.TryGetValue(kunci, out var a))
            {
                per[kunci] = a = new Akumulasi();
            }

            a.Tambah(Enum.Parse<StatusPengiriman>(r.GetString(2)), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5), Waktu(r.GetString(6)));
        }

        return [.. per.Select(p => p.Value.Ringkasan(SqliteKeys.Kantor(kodeKantor), p.Key.Item1, p.Key.Item2))
            .OrderByDescending(x => x.TerakhirDiperbarui).ThenBy(x => x.Jenis, StringComparer.Ordinal).ThenBy(x => x.Kurun, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<CatatanPengiriman>> DaftarTerbukaAsync(DateTimeOffset sampai, int batas, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"""
            SELECT {Kolom} FROM pengiriman
            WHERE status = 'Direncanakan' AND kirim_setelah <= $sampai ORDER BY kirim_setelah LIMIT $n;
            """;
        cmd.Parameters.AddWithValue("$sampai", SqliteKeys.Waktu(sampai));
        cmd.Parameters.AddWithValue("$n", batas);
        var hasil = new List<CatatanPengiriman>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            hasil.Add(Baca(r));
        }

        return hasil;
    }

    private async Task<int> TulisAsync(SqliteCommand cmd, CancellationToken cancellationToken)
    {
        await _penulis.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _penulis.Release();
        }
    }

    private static void Kunci(SqliteCommand cmd, KunciPengiriman kunci)
    {
        cmd.Parameters.AddWithValue("$kantor", SqliteKeys.Kantor(kunci.KodeKantor));
        cmd.Parameters.AddWithValue("$jenis", kunci.Jenis);
        cmd.Parameters.AddWithValue("$kurun", kunci.Kurun);
        cmd.Parameters.AddWithValue("$nip", kunci.Penerima.Value);
    }

    private static void Isi(SqliteCommand cmd, CatatanPengiriman c)
    {
        Kunci(cmd, c.Kunci);
        cmd.Parameters.AddWithValue("$status", c.Status.ToString());
        cmd.Parameters.AddWithValue("$kirim", SqliteKeys.Waktu(c.KirimSetelah));
        cmd.Parameters.AddWithValue("$versi", c.Versi);
        cmd.Parameters.AddWithValue("$percobaan", c.Percobaan);
        cmd.Parameters.AddWithValue("$ditunda", c.Ditunda);
        cmd.Parameters.AddWithValue("$mulai", c.MulaiKirimPada is { } m ? SqliteKeys.Waktu(m) : DBNull.Value);
        cmd.Parameters.AddWithValue("$pekerja", (object?)c.Pekerja ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$alasan", c.Alasan is { } a ? a.ToString() : DBNull.Value);
        cmd.Parameters.AddWithValue("$ket", (object?)c.Keterangan ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$mungkin", c.MungkinTerkirim ? 1 : 0);
        cmd.Parameters.AddWithValue("$url", (object?)c.ServiceUrl ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$conv", (object?)c.ConversationId ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$act", (object?)c.ActivityId ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$dibuat", SqliteKeys.Waktu(c.DibuatPada));
        cmd.Parameters.AddWithValue("$diperbarui", SqliteKeys.Waktu(c.DiperbaruiPada));
    }

    private static CatatanPengiriman Baca(SqliteDataReader r) => new()
    {
        Kunci = new KunciPengiriman(r.GetString(1), r.GetString(2), r.GetString(0), Nip.Parse(r.GetString(3))),
        Status = Enum.Parse<StatusPengiriman>(r.GetString(4)),
        KirimSetelah = Waktu(r.GetString(5)),
        Versi = r.GetInt64(6),
        Percobaan = r.GetInt32(7),
        Ditunda = r.GetInt32(8),
        MulaiKirimPada = r.IsDBNull(9) ? null : Waktu(r.GetString(9)),
        Pekerja = r.IsDBNull(10) ? null : r.GetString(10),
        Alasan = r.IsDBNull(11) ? null : Enum.Parse<AlasanTidakTerjangkau>(r.GetString(11)),
        Keterangan = r.IsDBNull(12) ? null : r.GetString(12),
        MungkinTerkirim = r.GetInt32(13) != 0,
        ServiceUrl = r.IsDBNull(14) ? null : r.GetString(14),
        ConversationId = r.IsDBNull(15) ? null : r.GetString(15),
        ActivityId = r.IsDBNull(16) ? null : r.GetString(16),
        DibuatPada = Waktu(r.GetString(17)),
        DiperbaruiPada = Waktu(r.GetString(18)),
    };

    private static DateTimeOffset Waktu(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    /// <summary>Counts of one kind and period, summed over its statuses (shared with the Tables adapter).</summary>
    internal sealed class Akumulasi
    {
        private readonly Dictionary<StatusPengiriman, int> _jumlah = [];
        private int _mungkin;
        private int _sedang;
        private DateTimeOffset _terakhir = DateTimeOffset.MinValue;

        public void Tambah(StatusPengiriman status, int jumlah, int mungkinTerkirim, int sedangDikirim, DateTimeOffset diperbarui)
        {
            _jumlah[status] = (_jumlah.TryGetValue(status, out var n) ? n : 0) + jumlah;
            _mungkin += mungkinTerkirim;
            _sedang += sedangDikirim;
            if (diperbarui > _terakhir)
            {
                _terakhir = diperbarui;
            }
        }

        public RingkasanPengiriman Ringkasan(string kodeKantor, string jenis, string kurun) =>
            new(kodeKantor, jenis, kurun, _jumlah, _mungkin, _sedang, _terakhir);
    }
}
