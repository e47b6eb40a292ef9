using System.Net;
using System.Security.Claims;
using Hangfire;
using Hangfire.Dashboard;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Ports;
using KinerjaBot.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Penjadwalan;

/// <summary>
/// The Hangfire dashboard for coordinators and administrators only (<see cref="AksesDasbor"/>), never anonymous, and not
/// served at all unless <c>Kinerja:Jadwal:Dasbor:Aktif</c>. Two ways in:
/// <list type="bullet">
/// <item>an Entra ID access token (Bearer) validated by the <see cref="Skema"/> JWT scheme (issuer
/// <c>Kinerja:Jadwal:Dasbor:Authority</c>, audience <c>…:Audience</c>): the administrators' app role, an administrator's
/// <c>oid</c>, or an <c>oid</c> linked (<see cref="IPenggunaStore"/>) to a coordinator of their office;</item>
/// <item>a browser session (<see cref="SkemaKuki"/>) opened by a single-use link that <c>dasbor jadwal</c> sends in Teams
/// (<see cref="TautanDasbor"/>): a data-protected, HttpOnly, Secure, SameSite=Strict cookie scoped to the dashboard's
/// path, <see cref="DasborOptions.MasaSesi"/> long.</item>
/// </list>
/// Either way who the caller is gets checked again on every request. No credential or a bad one: 401; anyone else: 403.
/// Coordinators get it read-only: job actions (trigger, requeue, delete) are the administrators'.
/// </summary>
public static partial class DasborHangfire
{
    public const string Skema = "KinerjaDasbor";

    public const string SkemaKuki = "KinerjaDasborKuki";

    /// <summary>The session cookie: <c>__Secure-</c> makes browsers refuse it unless it came over HTTPS with <c>Secure</c>.</summary>
    public const string NamaKuki = "__Secure-KinerjaDasbor";

    private const string KlaimOid = "oid";
    private const string KlaimKantor = "kinerja:kantor";
    private const string KlaimNip = "kinerja:nip";

    /// <summary>The dashboard path the session was opened for: a cookie of another dashboard (sharing the key ring) is no session here.</summary>
    private const string KlaimJalur = "kinerja:jalur";

    /// <summary>Set by <see cref="Penjaga"/> for an administrator: everything else is read-only.</summary>
    private const string ItemAdministrator = "KinerjaDasbor.Administrator";

    internal static IServiceCollection AddKinerjaDasbor(this IServiceCollection services)
    {
        services.TryAddSingleton<TautanBertanda>();
        services.AddSingleton<AksesDasbor>();
        services.AddSingleton<TautanDasbor>();
        services.AddAuthentication().AddJwtBearer(Skema, _ => { }).AddCookie(SkemaKuki, _ => { });
        services.AddOptions<JwtBearerOptions>(Skema).Configure<IOptions<PenjadwalanOptions>>((jwt, o) =>
        {
            var dasbor = o.Value.Dasbor;
            jwt.Authority = dasbor.Authority;
            jwt.Audience = dasbor.Audience;
            jwt.MapInboundClaims = false;
            // Entra ID v2 tokens name the authority itself as issuer (…/{tenant}/v2.0): pinned, not taken from metadata alone.
            jwt.TokenValidationParameters.ValidIssuer = dasbor.Authority?.TrimEnd('/');
            jwt.TokenValidationParameters.RoleClaimType = "roles";
            jwt.TokenValidationParameters.NameClaimType = "name";
        });
        services.AddOptions<CookieAuthenticationOptions>(SkemaKuki).Configure<IOptions<PenjadwalanOptions>>((kuki, o) =>
        {
            var dasbor = o.Value.Dasbor;
            kuki.Cookie.Name = NamaKuki;
            kuki.Cookie.Path = dasbor.Path;
            kuki.Cookie.HttpOnly = true;
            kuki.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            kuki.Cookie.SameSite = SameSiteMode.Strict;
            kuki.Cookie.IsEssential = true;
            // A fixed session: using the dashboard does not extend it, a new one takes a new link from Teams.
            kuki.ExpireTimeSpan = dasbor.MasaSesi;
            kuki.SlidingExpiration = false;
        });
        return services;
    }

    /// <summary>Serves the dashboard at <c>Kinerja:Jadwal:Dasbor:Path</c>, and its sign-in links, when it is on.</summary>
    public static WebApplication UseKinerjaDasbor(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var o = app.Services.GetRequiredService<IOptions<PenjadwalanOptions>>().Value;
        if (o.Dasbor.Aktif)
        {
            app.MapGet(TautanDasbor.Jalur, MasukAsync);
            app.UseHangfireDashboard(o.Dasbor.Path, new DashboardOptions
            {
                Authorization = [],
                AsyncAuthorization = [new Penjaga()],
                DashboardTitle = "KinerjaBot — jadwal dan pengiriman",
                // Coordinators watch; triggering, requeueing or deleting jobs is the administrators' (decided by Penjaga).
                IsReadOnlyFunc = c => c.GetHttpContext().Items[ItemAdministrator] is not true,
                DisplayStorageConnectionString = false,
            });
        }

        return app;
    }

    /// <summary>
    /// <c>GET /dasbor-jadwal/masuk</c>: a link from <c>dasbor jadwal</c> opens a dashboard session when its signature and
    /// expiry hold, the person is a coordinator or administrator right now, and the link was not used before. Anything
    /// else gets a 4xx page in Bahasa Indonesia that says what to do.
    /// </summary>
    private static async Task<IResult> MasukAsync(HttpContext http, TautanDasbor tautan, AksesDasbor akses, IOptions<PenjadwalanOptions> options,
        TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        // The link is a credential: never cached, never sent on as a referrer.
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        var logger = loggers.CreateLogger(typeof(DasborHangfire).FullName!);
        if (tautan.Periksa(http.Request.Query, out var hasil) is not { } masuk)
        {
            Log.TautanDitolak(logger, hasil);
            return hasil == HasilTautan.Kedaluwarsa
                ? Halaman(StatusCodes.Status410Gone, "Tautan sudah kedaluwarsa", PesanTautanBaru("Tautan dasbor ini sudah kedaluwarsa."))
                : Halaman(StatusCodes.Status403Forbidden, "Tautan tidak sah", PesanTautanBaru("Tautan dasbor ini tidak sah: ada bagian yang diubah, terpotong, atau bukan dibuat oleh KinerjaBot."));
        }

        var peran = await akses.PeranAsync(masuk.Oid, masuk.KodeKantor, masuk.Nip, cancellationToken);
        if (peran == PeranDasbor.Tidak)
        {
            Log.BukanKoordinator(logger, masuk.Oid);
            return Halaman(StatusCodes.Status403Forbidden, "Tidak diizinkan", PesanBukanKoordinator);
        }

        if (!tautan.Pakai(masuk))
        {
            Log.TautanDipakaiLagi(logger, masuk.Oid);
            return Halaman(StatusCodes.Status410Gone, "Tautan sudah dipakai", PesanTautanBaru("Tautan dasbor ini sudah pernah dibuka; setiap tautan hanya dapat dipakai sekali."));
        }

        List<Claim> klaim = [new(KlaimOid, masuk.Oid), new(KlaimJalur, options.Value.Dasbor.Path)];
        if (masuk is { KodeKantor: { } kantor, Nip: { } nip })
        {
            klaim.Add(new(KlaimKantor, kantor));
            klaim.Add(new(KlaimNip, nip.Value));
        }

        var sekarang = time.GetUtcNow();
        var sesi = options.Value.Dasbor.MasaSesi;
        await http.SignInAsync(SkemaKuki, new ClaimsPrincipal(new ClaimsIdentity(klaim, SkemaKuki)),
            new AuthenticationProperties { IsPersistent = false, AllowRefresh = false, IssuedUtc = sekarang, ExpiresUtc = sekarang + sesi });
        Log.SesiDibuka(logger, masuk.Oid, peran, sesi);

        // A page that moves on by itself rather than a 302: the link is opened from Teams (another site), and browsers
        // withhold a SameSite=Strict cookie from a redirect that continues a cross-site navigation. A navigation started
        // by this page is same-site, so the cookie goes with it.
        var dasbor = http.Request.PathBase.Add(options.Value.Dasbor.Path).Value!;
        return Halaman(StatusCodes.Status200OK, "Membuka dasbor jadwal", "Sesi dasbor jadwal sudah dibuka untuk Anda. Halaman dasbor akan terbuka sebentar lagi.", dasbor);
    }

    public const string PesanBukanKoordinator =
        "Dasbor jadwal hanya dapat dibuka oleh koordinator kinerja kantor dan administrator KinerjaBot. Hubungi pengelola KinerjaBot bila Anda seharusnya terdaftar sebagai koordinator.";

    private static string PesanTautanBaru(string alasan) =>
        $"{alasan} Ketik **dasbor jadwal** di chat pribadi Anda dengan KinerjaBot untuk mendapat tautan baru.";

    /// <summary>A small page in Bahasa Indonesia; with <paramref name="lanjut"/> it opens that address right away.</summary>
    private static IResult Halaman(int status, string judul, string pesan, string? lanjut = null)
    {
        var j = WebUtility.HtmlEncode(judul);
        var p = WebUtility.HtmlEncode(pesan).Replace("**dasbor jadwal**", "<b>dasbor jadwal</b>", StringComparison.Ordinal);
        var meta = lanjut is null ? "" : $"<meta http-equiv=\"refresh\" content=\"0;url={WebUtility.HtmlEncode(lanjut)}\">";
        var tombol = lanjut is null ? "" : $"<p><a href=\"{WebUtility.HtmlEncode(lanjut)}\">Buka dasbor jadwal</a></p>";
        var html = $"<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\"><meta name=\"referrer\" content=\"no-referrer\">{meta}<title>{j} — KinerjaBot</title></head>"
                   + $"<body><h1>{j}</h1><p>{p}</p>{tombol}</body></html>";
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }

    /// <summary>Who may see the dashboard (see <see cref="DasborHangfire"/>).</summary>
    private sealed class Penjaga : IDashboardAsyncAuthorizationFilter
    {
        public async Task<bool> AuthorizeAsync(DashboardContext context)
        {
            var http = context.GetHttpContext();
            var lewatKuki = false;
            var hasil = await http.AuthenticateAsync(Skema);
            if (!hasil.Succeeded)
            {
                hasil = await http.AuthenticateAsync(SkemaKuki);
                lewatKuki = true;
            }

            var o = http.RequestServices.GetRequiredService<IOptions<PenjadwalanOptions>>().Value;
            if (!hasil.Succeeded || hasil.Principal is not { } pengguna
                || (lewatKuki && !string.Equals(pengguna.FindFirstValue(KlaimJalur), o.Dasbor.Path, StringComparison.Ordinal)))
            {
                return false; // not authenticated: Hangfire answers 401
            }

            // From here Hangfire answers 403 when refused: the caller is known, just not allowed.
            http.User = pengguna;
            var oid = pengguna.FindFirstValue(KlaimOid);
            PeranDasbor peran;
            if (!lewatKuki && pengguna.HasClaim("roles", o.Dasbor.PeranAdmin))
            {
                peran = PeranDasbor.Administrator;
            }
            else if (lewatKuki)
            {
                // The session names the person the link was made for; whether they may still see it is asked now.
                Nip? nip = Nip.TryParse(pengguna.FindFirstValue(KlaimNip), out var n, out _) ? n : null;
                peran = await http.RequestServices.GetRequiredService<AksesDasbor>().PeranAsync(oid, pengguna.FindFirstValue(KlaimKantor), nip, http.RequestAborted);
            }
            else
            {
                var terkait = oid is { Length: > 0 } ? await http.RequestServices.GetRequiredService<IPenggunaStore>().CariAsync(oid, http.RequestAborted) : null;
                peran = await http.RequestServices.GetRequiredService<AksesDasbor>().PeranAsync(oid, terkait?.KodeKantor, terkait?.Nip, http.RequestAborted);
            }

            if (peran == PeranDasbor.Administrator)
            {
                http.Items[ItemAdministrator] = true;
            }

            return peran != PeranDasbor.Tidak;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 9830, Level = LogLevel.Information, Message = "Dashboard session opened for {Oid} as {Peran}, valid {Sesi}")]
        public static partial void SesiDibuka(ILogger logger, string oid, PeranDasbor peran, TimeSpan sesi);

        [LoggerMessage(EventId = 9831, Level = LogLevel.Warning, Message = "Dashboard link refused: {Hasil}")]
        public static partial void TautanDitolak(ILogger logger, HasilTautan hasil);

        [LoggerMessage(EventId = 9832, Level = LogLevel.Warning, Message = "Dashboard link of {Oid} refused: no longer a coordinator or administrator")]
        public static partial void BukanKoordinator(ILogger logger, string oid);

        [LoggerMessage(EventId = 9833, Level = LogLevel.Warning, Message = "Dashboard link of {Oid} refused: used before")]
        public static partial void TautanDipakaiLagi(ILogger logger, string oid);
    }
}
