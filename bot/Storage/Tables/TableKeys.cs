using System.Globalization;
using System.Text;
using Kinerja.Domain.Organisasi;

namespace KinerjaBot.Storage.Tables;

/// <summary>
/// The key scheme of the Azure Tables adapters, in one place (architecture.md habit 9; docs/storage.md explains why).
/// Every partition is what one query of the bot needs: an office's head (one point read), its organisation (units and
/// people) and each of its years (contracts with IKU, targets, realisations, behaviour scores, strategic initiatives), each written under a
/// fresh generation id so that a save becomes visible in one ETag-guarded write of the head.
/// Key values are escaped: Azure Tables forbids <c>/ \ # ?</c> and control characters in keys, and <c>|</c> is our separator.
/// </summary>
internal static class TableKeys
{
    public const string Head = "head";

    /// <summary>The office key: its top unit's code, trimmed and upper-cased (like <c>SqliteKeys.Kantor</c>).</summary>
    public static string Kantor(string kodeKantor) => Escape(kodeKantor.Trim().ToUpperInvariant());

    /// <summary>The partition of an office's head entity (row key <see cref="Head"/>): version and current generations.</summary>
    public static string KantorPartition(string kodeKantor) => "kantor|" + Kantor(kodeKantor);

    /// <summary>The partition of an office's units and people, one generation.</summary>
    public static string OrganisasiPartition(string kodeKantor, string generasi) => $"org|{Kantor(kodeKantor)}|{generasi}";

    /// <summary>The partition of an office's year (contracts, IKU with targets and realisations, behaviour), one generation.</summary>
    public static string TahunPartition(string kodeKantor, int tahun, string generasi) =>
        string.Create(CultureInfo.InvariantCulture, $"tahun|{Kantor(kodeKantor)}|{tahun:D4}|{generasi}");

    public static string Unit(int urutan) => string.Create(CultureInfo.InvariantCulture, $"unit|{urutan:D6}");

    public static string Pegawai(Nip nip) => "pegawai|" + nip.Value;

    public static string Kontrak(Nip nip) => "kontrak|" + nip.Value;

    /// <summary>An IKU row: row keys sort by owner then data order, the order a contract lists its IKU.</summary>
    public static string Iku(Nip nip, int urutan) => string.Create(CultureInfo.InvariantCulture, $"iku|{nip.Value}|{urutan:D4}");

    public static string Perilaku(Nip nip) => "perilaku|" + nip.Value;

    /// <summary>A strategic initiative row: sorts by owner then data order, the order the owner's contract lists them.</summary>
    public static string Inisiatif(Nip nip, int urutan) => string.Create(CultureInfo.InvariantCulture, $"inisiatif|{nip.Value}|{urutan:D4}");

    /// <summary>The lookup key of a sign-in e-mail: trimmed, lower-cased (Entra ID names are case-insensitive).</summary>
    public static string Email(string email) => email.Trim().ToLowerInvariant();

    /// <summary>The partition of the e-mail index: one per address, so a lookup is one query and no partition gets hot.</summary>
    public static string EmailPartition(string email) => "email|" + Escape(Email(email));

    /// <summary>A row of the e-mail index: which office and NIP claimed the address (a hint, checked against the office).</summary>
    public static string EmailRow(string kodeKantor, Nip nip) => $"{Kantor(kodeKantor)}|{nip.Value}";

    /// <summary>A linked Teams user: one partition per Entra object id (as given; the SQLite adapter keeps it as given too).</summary>
    public static string PenggunaPartition(string aadObjectId) => "pengguna|" + Escape(aadObjectId);

    /// <summary>The index "which Teams users are linked to this employee of this office".</summary>
    public static string PenggunaNipPartition(string kodeKantor, Nip nip) => $"pengguna-nip|{Kantor(kodeKantor)}|{nip.Value}";

    public static string PenggunaNipRow(string aadObjectId) => Escape(aadObjectId);

    /// <summary>The common prefix of an office's "linked users of an employee" partitions: one range query lists every link of the office.</summary>
    public static string PenggunaNipKantorPrefix(string kodeKantor) => $"pengguna-nip|{Kantor(kodeKantor)}|";

    /// <summary>
    /// What is known about reaching one person (table <c>{prefix}Percakapan</c>): one partition per Entra object id,
    /// trimmed and lower-cased like <c>SqliteKeys.Aad</c> (Teams and Graph write GUIDs in either case). A point read.
    /// </summary>
    public static string PercakapanPartition(string aadObjectId) => "percakapan|" + Escape(aadObjectId.Trim().ToLowerInvariant());

    public const string PercakapanRow = "percakapan";

    /// <summary>
    /// An event time as fixed-width UTC text (<c>2026-11-28T03:10:00.0000000Z</c>), like <c>SqliteKeys.Waktu</c>:
    /// "is the stored event newer?" is one ordinal comparison, and nothing is lost to a property type's precision.
    /// </summary>
    public static string Waktu(DateTimeOffset waktu) =>
        waktu.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset? Waktu(string? teks) => teks is null
        ? null
        : DateTimeOffset.Parse(teks, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>
    /// The SKP cards of one contract (table <c>{prefix}KartuSkp</c>): one partition per (office, year, owner), so
    /// "update every card of this contract" is one partition query and pruning a person's old cards stays inside it.
    /// </summary>
    public static string KartuKontrakPartition(Kinerja.Domain.Kontrak.KunciSkp kunci) =>
        string.Create(CultureInfo.InvariantCulture, $"kartu-skp|{Kantor(kunci.KodeKantor)}|{kunci.Tahun:D4}|{kunci.Pemilik.Value}");

    /// <summary>A card inside its contract's partition: the conversation and activity id as given (case-sensitive), escaped.</summary>
    public static string KartuRow(string conversationId, string activityId) => Escape(conversationId) + "|" + Escape(activityId);

    /// <summary>Where a card is (forget on 404 knows only the conversation and activity id): a pointer to its contract's partition.</summary>
    public static string KartuPointerPartition(string conversationId, string activityId) => "kartu|" + KartuRow(conversationId, activityId);

    public const string KartuPointerRow = "kartu";

    /// <summary>An office code as the SKP workflow keeps it (unescaped): trimmed and upper-cased, like <c>SqliteKeys.Kantor</c>.</summary>
    public static string KodeKantor(string kodeKantor) => kodeKantor.Trim().ToUpperInvariant();

    /// <summary>
    /// The SKP workflows of an office-year (table <c>{prefix}Kontrak</c>): every contract's state, versions and audit
    /// trail in one partition, so a save is one entity group transaction and "the year's revised targets" one query.
    /// </summary>
    public static string KontrakPartition(string kodeKantor, int tahun) =>
        string.Create(CultureInfo.InvariantCulture, $"skp|{Kantor(kodeKantor)}|{tahun:D4}");

    /// <summary>The first key of an office's workflow partitions: with <see cref="KontrakKantorAkhir"/>, one range query over its years.</summary>
    public static string KontrakKantorPrefix(string kodeKantor) => $"skp|{Kantor(kodeKantor)}|";

    /// <summary>The key just after an office's workflow partitions (<c>}</c> sorts right after the separator <c>|</c>).</summary>
    public static string KontrakKantorAkhir(string kodeKantor) => $"skp|{Kantor(kodeKantor)}}}";

    /// <summary>A contract's state row (status, revision; its ETag is the revision's compare-and-set).</summary>
    public static string AlurRow(Nip nip) => nip.Value + "|alur";

    /// <summary>A contract's version row: sorted by number.</summary>
    public static string VersiRow(Nip nip, int nomor) => string.Create(CultureInfo.InvariantCulture, $"{nip.Value}|versi|{nomor:D4}");

    /// <summary>A contract's audit row: sorted by sequence, inserted only (a second insert of the same line fails the save).</summary>
    public static string AuditRow(Nip nip, int urutan) => string.Create(CultureInfo.InvariantCulture, $"{nip.Value}|audit|{urutan:D6}");

    /// <summary>The row-key range of one contract inside its office-year partition.</summary>
    public static (string Dari, string Sampai) AlurRentang(Nip nip) => (nip.Value + "|", nip.Value + "}");

    /// <summary>The Plt./Plh. assignments of an office: one partition, listed by one query.</summary>
    public static string DelegasiPartition(string kodeKantor) => "delegasi|" + Kantor(kodeKantor);

    public static string DelegasiRow(string id) => Escape(id);
    /// <summary>
    /// An office's performance dialogs (table <c>{prefix}Dialog</c>): one partition per office, so a dialog with its agenda
    /// rows and follow-ups is saved in one entity group transaction and the schedule, the compliance figures and "my
    /// follow-ups" are one partition query each.
    /// </summary>
    public static string DialogPartition(string kodeKantor) => "dialog|" + Kantor(kodeKantor);

    /// <summary>A dialog's head row.</summary>
    public static string DialogRow(string id) => "d|" + Escape(id);

    /// <summary>An agenda item (with its minutes) of a dialog: sorts after the head, in agenda order.</summary>
    public static string AgendaRow(string id, int urutan) => string.Create(CultureInfo.InvariantCulture, $"d|{Escape(id)}|a|{urutan:D3}");

    /// <summary>A follow-up row.</summary>
    public static string TindakLanjutRow(string id) => "t|" + Escape(id);

    /// <summary>The postponement of a series.</summary>
    public static string RencanaRow(string seri) => "r|" + Escape(seri);

    /// <summary>A new generation id: sortable by time, unique across instances.</summary>
    public static string Generasi(DateTimeOffset sekarang) =>
        sekarang.UtcDateTime.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Percent-escapes what a key may not hold (<c>/ \ # ?</c>, control characters) plus <c>%</c> and <c>|</c>.</summary>
    public static string Escape(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '/' or '\\' or '#' or '?' or '%' or '|' || char.IsControl(c))
            {
                sb.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>Decimals travel as invariant text, as in SQLite: nothing is lost to binary floating point.</summary>
    public static string Teks(decimal nilai) => nilai.ToString(CultureInfo.InvariantCulture);

    public static decimal Desimal(string teks) => decimal.Parse(teks, NumberStyles.Number, CultureInfo.InvariantCulture);

    /// <summary>
    /// The delivery ledger (table <c>{prefix}Pengiriman</c>): one partition per office, kind and period, one row per
    /// recipient (row key = NIP), so a fan-out's rows of one office are one partition and a page of them one query.
    /// </summary>
    public static string PengirimanPartition(string kodeKantor, string jenis, string kurun) => $"pengiriman|{Kantor(kodeKantor)}|{jenis}|{kurun}";

    /// <summary>The first key of an office's ledger partitions: with <see cref="PengirimanKantorAkhir"/>, one range query over them.</summary>
    public static string PengirimanKantorPrefix(string kodeKantor) => $"pengiriman|{Kantor(kodeKantor)}|";

    /// <summary>The key just after an office's ledger partitions (<c>}</c> sorts right after the separator <c>|</c>).</summary>
    public static string PengirimanKantorAkhir(string kodeKantor) => $"pengiriman|{Kantor(kodeKantor)}}}";

    /// <summary>
    /// The ledger's index of open partitions (same table): one row per ledger partition that may hold a planned delivery
    /// (row key = that partition's key), so the recovery job reads this one partition and then only those partitions.
    /// </summary>
    public const string PengirimanTerbukaPartition = "terbuka";

    /// <summary>
    /// The reach index of an office (table <c>{prefix}Percakapan</c>): one row per employee (<see cref="JangkauanRow"/>)
    /// with the linked account and the state of its conversation, so the coordinators' reach list is one partition
    /// query, not two point reads per person. A hint: rows are checked against the "linked users of an employee" index.
    /// </summary>
    public static string JangkauanPartition(string kodeKantor) => "jangkauan|" + Kantor(kodeKantor);

    public static string JangkauanRow(Nip nip) => nip.Value;

    /// <summary>
    /// Inside a person's <see cref="PercakapanPartition"/>: the office and NIP the account is linked to (written with the
    /// link), so a change of the conversation's state knows which reach index row to update.
    /// </summary>
    public const string PercakapanTautanRow = "tautan";

    /// <summary>
    /// A dialog's head row, date first (<c>d|{yyyy-MM-dd}|{id}</c>, the office date it was held): "the office's dialogs
    /// since a date" is one row-key range, however many dialogs the office kept from earlier years.
    /// </summary>
    public static string DialogRow(string id, DateOnly tanggal) => $"d|{Tanggal(tanggal)}|{Escape(id)}";

    /// <summary>An agenda item (with its minutes) of a dialog: sorts right after its head, in agenda order.</summary>
    public static string AgendaRow(string id, DateOnly tanggal, int urutan) =>
        string.Create(CultureInfo.InvariantCulture, $"d|{Tanggal(tanggal)}|{Escape(id)}|a|{urutan:D3}");

    /// <summary>The first head row of the dialogs held on or after <paramref name="sejak"/>.</summary>
    public static string DialogSejak(DateOnly sejak) => "d|" + Tanggal(sejak);

    /// <summary>
    /// Where a dialog is (<c>i|{id}</c>, property <c>Tanggal</c>): loading one dialog by its id is a point read of this
    /// pointer, then one range read. Added in the dialog's transaction, so a second save of the id fails on it (409).
    /// </summary>
    public static string DialogPointerRow(string id) => "i|" + Escape(id);

    private static string Tanggal(DateOnly tanggal) => tanggal.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
