using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Storage;

/// <summary>
/// The SQLite file shared by the adapters: opens connections (WAL, busy timeout) and creates or migrates the schema
/// once, recorded in <c>schema_version</c>. The schema is created on first use, and on host start by
/// <see cref="StorageInitializer"/> so that a broken file stops the host early.
/// </summary>
public sealed class SqliteDatabase
{
    /// <summary>Migrations in order; the index + 1 is the version they bring the file to. Never edit a shipped one.</summary>
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE kantor (
            kunci TEXT NOT NULL PRIMARY KEY,
            kode TEXT NOT NULL,
            versi INTEGER NOT NULL,
            disimpan_pada TEXT NOT NULL);
        CREATE TABLE kantor_tahun (
            kantor TEXT NOT NULL,
            tahun INTEGER NOT NULL,
            disimpan_pada TEXT NOT NULL,
            PRIMARY KEY (kantor, tahun));
        CREATE TABLE unit (
            kantor TEXT NOT NULL,
            kode TEXT NOT NULL,
            urutan INTEGER NOT NULL,
            nama TEXT NOT NULL,
            kode_induk TEXT,
            level TEXT NOT NULL,
            zona_waktu TEXT NOT NULL,
            PRIMARY KEY (kantor, kode));
        CREATE TABLE pegawai (
            kantor TEXT NOT NULL,
            nip TEXT NOT NULL,
            urutan INTEGER NOT NULL,
            nama TEXT NOT NULL,
            email TEXT NOT NULL,
            email_kunci TEXT NOT NULL,
            jabatan TEXT NOT NULL,
            kode_unit TEXT NOT NULL,
            nip_atasan TEXT,
            kepala_unit INTEGER NOT NULL,
            PRIMARY KEY (kantor, nip));
        CREATE INDEX ix_pegawai_email ON pegawai (email_kunci);
        CREATE TABLE kontrak (
            kantor TEXT NOT NULL,
            tahun INTEGER NOT NULL,
            nip TEXT NOT NULL,
            urutan INTEGER NOT NULL,
            status TEXT NOT NULL,
            PRIMARY KEY (kantor, tahun, nip));
        CREATE TABLE iku (
            kantor TEXT NOT NULL,
            tahun INTEGER NOT NULL,
            nip TEXT NOT NULL,
            kode TEXT NOT NULL COLLATE NOCASE,
            urutan INTEGER NOT NULL,
            nama TEXT NOT NULL,
            perspektif TEXT NOT NULL,
            sasaran_strategis TEXT NOT NULL,
            bobot TEXT NOT NULL,
            polaritas TEXT NOT NULL,
            konsolidasi TEXT NOT NULL,
            satuan TEXT NOT NULL,
            PRIMARY KEY (kantor, tahun, nip, kode));
        CREATE TABLE target (
            kantor TEXT NOT NULL,
            tahun INTEGER NOT NULL,
            nip TEXT NOT NULL,
            kode_iku TEXT NOT NULL COLLATE NOCASE,
            triwulan INTEGER NOT NULL,
            nilai TEXT NOT NULL,
            atas TEXT,
            PRIMARY KEY (kantor, tahun, nip, kode_iku, triwulan));
        CREATE TABLE realisasi (
            kantor TEXT NOT NULL,
            tahun INTEGER NOT NULL,
            nip TEXT NOT NULL,
            kode_iku TEXT NOT NULL COLLATE NOCASE,
            triwulan INTEGER NOT NULL,
            nilai TEXT NOT NULL,
            PRIMARY KEY (kantor, tahun, nip, kode_iku, triwulan));
        CREATE TABLE perilaku (
            kantor TEXT NOT NULL,
            tahun INTEGER NOT NULL,
            nip TEXT NOT NULL,
            urutan INTEGER NOT NULL,
            nilai TEXT NOT NULL,
            pengurang TEXT NOT NULL,
            PRIMARY KEY (kantor, tahun, nip));
        CREATE TABLE pengguna (
            aad_object_id TEXT NOT NULL PRIMARY KEY,
            kantor TEXT NOT NULL,
            nip TEXT NOT NULL,
            email TEXT NOT NULL,
            dikaitkan_pada TEXT NOT NULL);
        """,
        // 2: what the bot needs to reach each person (IPercakapanStore). Keyed by the Entra ID object id (lower
        // case, SqliteKeys.Aad); the reference, the client's locale and the refusal each carry the time of the
        // event that wrote them (fixed-width UTC text, so comparing strings compares times). The index serves the
        // NIP -> Teams account look-up and the per-office list.
        """
        CREATE TABLE percakapan (
            aad_object_id TEXT NOT NULL PRIMARY KEY,
            service_url TEXT,
            conversation_id TEXT,
            tenant_id TEXT,
            user_id TEXT,
            bot_id TEXT,
            channel_id TEXT,
            diperbarui_pada TEXT,
            dihapus_pada TEXT,
            locale TEXT,
            zona_waktu TEXT,
            lokal_diperbarui_pada TEXT,
            alasan TEXT,
            kode_galat TEXT,
            tidak_terjangkau_pada TEXT);
        CREATE INDEX ix_pengguna_kantor_nip ON pengguna (kantor, nip);
        """,
        // 3: the SKP workflow (IKontrakStore), in tables of its own so that re-importing a year (which replaces
        // kontrak/iku/target/…) never wipes it. skp_alur.revisi is the version column of the optimistic concurrency
        // check (= number of audit entries). The audit trail is append-only, enforced by triggers. pegawai gets the
        // optional start date of the import (tanggal_mulai, ISO yyyy-MM-dd) for the 15-day deadline.
        """
        CREATE TABLE skp_alur (
            kantor TEXT NOT NULL,
            tahun INTEGER NOT NULL,
            nip TEXT NOT NULL,
            status TEXT NOT NULL,
            revisi INTEGER NOT NULL,
            diajukan_pada TEXT,
            PRIMARY KEY (kantor, tahun, nip));
        CREATE INDEX ix_skp_alur_status ON skp_alur (kantor, status, diajukan_pada);
        CREATE TABLE skp_versi (
            kantor TEXT NOT NULL,
            tahun INTEGER NOT NULL,
            nip TEXT NOT NULL,
            nomor INTEGER NOT NULL,
            jenis TEXT NOT NULL,
            alasan TEXT,
            dibuat_pada TEXT NOT NULL,
            disetujui_pada TEXT,
            PRIMARY KEY (kantor, tahun, nip, nomor));
        CREATE TABLE skp_perubahan (
            kantor TEXT NOT NULL,
            tahun INTEGER NOT NULL,
            nip TEXT NOT NULL,
            versi INTEGER NOT NULL,
            urutan INTEGER NOT NULL,
            kode_iku TEXT NOT NULL,
            triwulan INTEGER NOT NULL,
            nilai TEXT NOT NULL,
            atas TEXT,
            PRIMARY KEY (kantor, tahun, nip, versi, urutan));
        CREATE TABLE skp_audit (
            kantor TEXT NOT NULL,
            tahun INTEGER NOT NULL,
            nip TEXT NOT NULL,
            urutan INTEGER NOT NULL,
            oleh TEXT,
            nama_oleh TEXT,
            atas_nama TEXT,
            nama_atas_nama TEXT,
            peran TEXT,
            pada TEXT NOT NULL,
            zona_waktu TEXT NOT NULL,
            tanggal_lokal TEXT NOT NULL,
            dari TEXT,
            ke TEXT NOT NULL,
            versi INTEGER NOT NULL,
            catatan TEXT,
            saluran TEXT NOT NULL,
            PRIMARY KEY (kantor, tahun, nip, urutan));
        CREATE TRIGGER skp_audit_tanpa_ubah BEFORE UPDATE ON skp_audit
        BEGIN SELECT RAISE(ABORT, 'jejak audit SKP hanya boleh ditambah'); END;
        CREATE TRIGGER skp_audit_tanpa_hapus BEFORE DELETE ON skp_audit
        BEGIN SELECT RAISE(ABORT, 'jejak audit SKP hanya boleh ditambah'); END;
        CREATE TABLE delegasi (
            kantor TEXT NOT NULL,
            id TEXT NOT NULL,
            pelaksana TEXT NOT NULL,
            digantikan TEXT NOT NULL,
            jenis TEXT NOT NULL,
            mulai TEXT NOT NULL,
            selesai TEXT NOT NULL,
            ditetapkan_oleh TEXT NOT NULL,
            PRIMARY KEY (kantor, id));
        CREATE INDEX ix_delegasi_pelaksana ON delegasi (kantor, pelaksana);
        ALTER TABLE pegawai ADD COLUMN tanggal_mulai TEXT;
        """,
        // 4: the SKP cards already in people's chats (IKartuSkpStore), so that a transition updates each in place.
        // A card is its (conversation id, activity id) as the connector gave them (SqliteKeys.KartuSkp); the
        // contract it shows is keyed like skp_alur (SqliteKeys.Skp). Delivery bookkeeping only: rows may be deleted.
        """
        CREATE TABLE skp_kartu (
            conversation_id TEXT NOT NULL,
            activity_id TEXT NOT NULL,
            kantor TEXT NOT NULL,
            tahun INTEGER NOT NULL,
            nip TEXT NOT NULL,
            aad_object_id TEXT NOT NULL,
            user_id TEXT,
            service_url TEXT NOT NULL,
            diingat_pada TEXT NOT NULL,
            PRIMARY KEY (conversation_id, activity_id));
        CREATE INDEX ix_skp_kartu_kontrak ON skp_kartu (kantor, tahun, nip, aad_object_id, diingat_pada);
        """,
        // 5: performance dialogs (IDialogStore): a recorded dialog with its participants and agenda (minutes per item),
        // its follow-ups with a version column (a close succeeds only on the version it read), and the leaders'
        // postponements per series. Keys: SqliteKeys.Kantor for the office, the dialog's id, the series key.
        """
        CREATE TABLE dialog (
            kantor TEXT NOT NULL,
            id TEXT NOT NULL,
            seri TEXT NOT NULL,
            tahun INTEGER NOT NULL,
            triwulan INTEGER NOT NULL,
            pada_utc TEXT NOT NULL,
            zona_waktu TEXT NOT NULL,
            tanggal_lokal TEXT NOT NULL,
            jam_lokal TEXT NOT NULL,
            dicatat_oleh TEXT NOT NULL,
            dicatat_oleh_nama TEXT NOT NULL,
            dicatat_pada TEXT NOT NULL,
            PRIMARY KEY (kantor, id));
        CREATE INDEX ix_dialog_tanggal ON dialog (kantor, tanggal_lokal);
        CREATE TABLE dialog_peserta (
            kantor TEXT NOT NULL,
            dialog_id TEXT NOT NULL,
            urutan INTEGER NOT NULL,
            nip TEXT NOT NULL,
            nama TEXT NOT NULL,
            PRIMARY KEY (kantor, dialog_id, urutan));
        CREATE TABLE dialog_agenda (
            kantor TEXT NOT NULL,
            dialog_id TEXT NOT NULL,
            urutan INTEGER NOT NULL,
            jenis TEXT NOT NULL,
            judul TEXT NOT NULL,
            alasan TEXT NOT NULL,
            rincian TEXT,
            kode_iku TEXT,
            target TEXT,
            realisasi TEXT,
            selisih TEXT,
            indeks_capaian TEXT,
            satuan TEXT,
            id_tindak_lanjut TEXT,
            notula TEXT NOT NULL,
            PRIMARY KEY (kantor, dialog_id, urutan));
        CREATE TABLE tindak_lanjut (
            kantor TEXT NOT NULL,
            id TEXT NOT NULL,
            dialog_id TEXT NOT NULL,
            seri TEXT NOT NULL,
            urutan INTEGER NOT NULL,
            uraian TEXT NOT NULL,
            pic TEXT NOT NULL,
            pic_nama TEXT NOT NULL,
            tenggat TEXT NOT NULL,
            dibuat_pada TEXT NOT NULL,
            status TEXT NOT NULL,
            catatan TEXT,
            ditutup_oleh TEXT,
            ditutup_oleh_nama TEXT,
            ditutup_pada TEXT,
            versi INTEGER NOT NULL,
            PRIMARY KEY (kantor, id));
        CREATE INDEX ix_tindak_lanjut_dialog ON tindak_lanjut (kantor, dialog_id);
        CREATE TABLE dialog_rencana (
            kantor TEXT NOT NULL,
            seri TEXT NOT NULL,
            tanggal TEXT NOT NULL,
            oleh TEXT NOT NULL,
            oleh_nama TEXT NOT NULL,
            pada TEXT NOT NULL,
            PRIMARY KEY (kantor, seri));
        """,
        // 6: the delivery ledger of issue 6 (IBukuPengirimanStore, SqliteBukuPengirimanStore): one row per (kind, period,
        // office, NIP); versi is the compare-and-set version; mulai_kirim_pada is the in-flight mark written before a
        // POST (docs/pengiriman.md). ix_pengiriman_terbuka serves "what is due" when resuming after a crash.
        """
        CREATE TABLE pengiriman (
            kantor TEXT NOT NULL,
            jenis TEXT NOT NULL,
            kurun TEXT NOT NULL,
            nip TEXT NOT NULL,
            status TEXT NOT NULL,
            kirim_setelah TEXT NOT NULL,
            versi INTEGER NOT NULL,
            percobaan INTEGER NOT NULL,
            ditunda INTEGER NOT NULL,
            mulai_kirim_pada TEXT,
            pekerja TEXT,
            alasan TEXT,
            keterangan TEXT,
            mungkin_terkirim INTEGER NOT NULL,
            service_url TEXT,
            conversation_id TEXT,
            activity_id TEXT,
            dibuat_pada TEXT NOT NULL,
            diperbarui_pada TEXT NOT NULL,
            PRIMARY KEY (kantor, jenis, kurun, nip));
        CREATE INDEX ix_pengiriman_terbuka ON pengiriman (status, kirim_setelah);
        """,
        // 7: strategic initiatives of a strategy-map owner's contract (issue 5: listed on the DKO agenda); replaced per year like the IKU.
        """
        CREATE TABLE inisiatif (
            kantor TEXT NOT NULL,
            tahun INTEGER NOT NULL,
            nip TEXT NOT NULL,
            urutan INTEGER NOT NULL,
            nama TEXT NOT NULL,
            sasaran_strategis TEXT NOT NULL,
            progres TEXT NOT NULL,
            tenggat TEXT,
            keterangan TEXT,
            PRIMARY KEY (kantor, tahun, nip, urutan));
        """,
    ];

    private readonly string _connectionString;
    private readonly TimeProvider _time;
    private readonly ILogger<SqliteDatabase> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _siap;

    public SqliteDatabase(IOptions<StorageOptions> options, TimeProvider time, ILogger<SqliteDatabase> logger, IHostEnvironment? environment = null)
    {
        var root = environment?.ContentRootPath ?? Directory.GetCurrentDirectory();
        Path = System.IO.Path.GetFullPath(System.IO.Path.Combine(root, options.Value.SqlitePath.Trim()));
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 60,
        }.ToString();
        _time = time;
        _logger = logger;
    }

    /// <summary>Full path of the database file.</summary>
    public string Path { get; }

    /// <summary>The schema version this build writes.</summary>
    public static int VersiSkema => Migrations.Length;

    /// <summary>An open connection on a file whose schema is current.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await PastikanSkemaAsync(cancellationToken).ConfigureAwait(false);
        return await BukaAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates the file and its schema, or migrates an older one. Runs once per process.</summary>
    public async Task PastikanSkemaAsync(CancellationToken cancellationToken)
    {
        if (_siap)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_siap)
            {
                return;
            }

            var folder = System.IO.Path.GetDirectoryName(Path);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            await using var connection = await BukaAsync(cancellationToken).ConfigureAwait(false);
            await using (var wal = connection.CreateCommand())
            {
                // WAL lets the bot read while an import writes; the mode is stored in the file. A file already in
                // WAL mode is left untouched.
                wal.CommandText = "PRAGMA journal_mode;";
                var mode = (string?)await wal.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
                {
                    wal.CommandText = "PRAGMA journal_mode=WAL;";
                    await wal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            await MigrasiAsync(connection, cancellationToken).ConfigureAwait(false);
            _siap = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task MigrasiAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        // BEGIN IMMEDIATE: two processes starting together migrate one after the other, the second sees the
        // version the first wrote.
        await using var tx = connection.BeginTransaction(deferred: false);
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version';";
        var adaTabel = Convert.ToInt64(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) > 0;
        var versi = 0;
        if (adaTabel)
        {
            cmd.CommandText = "SELECT coalesce(max(version), 0) FROM schema_version;";
            versi = Convert.ToInt32(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }

        if (versi > Migrations.Length)
        {
            throw new InvalidOperationException(
                $"Basis data {Path} berskema versi {versi}, lebih baru dari yang dikenal aplikasi ini ({Migrations.Length}). Perbarui aplikasi.");
        }

        if (versi == Migrations.Length)
        {
            await tx.RollbackAsync(cancellationToken).ConfigureAwait(false);
            StorageLog.SchemaCurrent(_logger, Path, versi);
            return;
        }

        if (!adaTabel)
        {
            cmd.CommandText = "CREATE TABLE schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL);";
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var dari = versi;
        for (var v = versi + 1; v <= Migrations.Length; v++)
        {
            cmd.Parameters.Clear();
            cmd.CommandText = Migrations[v - 1];
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            cmd.CommandText = "INSERT INTO schema_version (version, applied_at) VALUES ($v, $t);";
            cmd.Parameters.AddWithValue("$v", v);
            cmd.Parameters.AddWithValue("$t", _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        StorageLog.SchemaMigrated(_logger, Path, dari, Migrations.Length);
    }

    private async Task<SqliteConnection> BukaAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var cmd = connection.CreateCommand();
            // A second writer waits for the first (an import of the same office) instead of failing at once.
            cmd.CommandText = "PRAGMA busy_timeout = 60000; PRAGMA synchronous = NORMAL;";
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
