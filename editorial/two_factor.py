"""A second factor for staff: a TOTP app (any authenticator) and single-use recovery codes, through django-otp.

Required, when ``STAFF_TWO_FACTOR_REQUIRED`` is on (production's default), for superusers and Moderators: after the
password, the admin asks for a code, or for enrolment if the account has no device yet. Optional for everybody
else, but once an account has a confirmed device its code is always asked. A lost phone:
``manage.py reset_two_factor USERNAME`` (editorial/management/commands/).
"""

from base64 import b32encode
from urllib.parse import urlencode

import django_otp
import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from editorial.forbidden import forbidden
from editorial.roles import MODERATORS

RECOVERY_CODES = 10
DEVICE_NAME = "OswegO"
# Reachable before the second factor: the pages that ask for it, signing out, and what they load (the icons and
# the admin's translations, fetched by its scripts).
OPEN_URL_NAMES = (
    "two_factor_verify",
    "two_factor_setup",
    "wagtailadmin_logout",
    "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
)


def required_by_role(user):
    if not settings.STAFF_TWO_FACTOR_REQUIRED:
        return False
    return user.is_superuser or user.groups.filter(name=MODERATORS).exists()


def must_use_two_factor(user):
    """Required by role (under STAFF_TWO_FACTOR_REQUIRED), or chosen: an account with a device always uses it."""
    return django_otp.user_has_device(user) or required_by_role(user)


class TwoFactorMiddleware:
    """In the admin, an account that must use a second factor sees nothing else until it has given one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        admin = reverse("wagtailadmin_home")
        if (
            user is not None
            and user.is_authenticated
            and request.path.startswith(admin)
            and not user.is_verified()
            and request.path not in {reverse(name) for name in OPEN_URL_NAMES}
            and must_use_two_factor(user)
        ):
            if request.headers.get("Sec-Fetch-Mode", "navigate") != "navigate":
                # A script's request is refused, not sent to a page it would load in the background.
                return forbidden(request, _("Two-factor authentication is required first.")).render()
            target = "two_factor_verify" if django_otp.user_has_device(user) else "two_factor_setup"
            return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
        help_text=_("The six digits your authenticator app shows, or one of your recovery codes."),
    )


def _next(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


def verify(request):
    """The second step of signing in: a code from the app, or a recovery code (each works once)."""
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = django_otp.match_token(request.user, form.cleaned_data["code"].replace(" ", ""))
        if device is not None:
            django_otp.login(request, device)
            return redirect(_next(request))
        form.add_error("code", _("This code is not valid. Check your phone's clock, or use a recovery code."))
    return TemplateResponse(
        request,
        "editorial/two_factor_verify.html",
        {"header_title": _("Two-factor authentication"), "form": form, "next": _next(request)},
    )


def setup(request):
    """Enrolment: scan the QR code, type one code to confirm, keep the recovery codes shown once."""
    user = request.user
    # Replacing a device takes the current one: a password alone never enrols a new phone.
    if django_otp.user_has_device(user) and not user.is_verified():
        return redirect(f"{reverse('two_factor_verify')}?{urlencode({'next': request.get_full_path()})}")
    if request.method == "POST" and "turn_off" in request.POST:
        if required_by_role(user):
            return forbidden(request, _("Your role requires two-factor authentication."))
        reset(user)
        messages.success(request, _("Two-factor authentication is off for your account."))
        return redirect("wagtailadmin_account")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    form = CodeForm(request.POST or None)
    codes = []
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"].replace(" ", "")):
            with transaction.atomic():
                TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
                device.confirmed = True
                device.save()
                codes = new_recovery_codes(user)
            django_otp.login(request, device)
        else:
            form.add_error("code", _("This code is not valid. Check your phone's clock and try the next one."))
    qr = segno.make(device.config_url, error="m")
    return TemplateResponse(
        request,
        "editorial/two_factor_setup.html",
        {
            "header_title": _("Two-factor authentication"),
            "form": form,
            "codes": codes,
            "enrolled": bool(codes),
            "has_device": django_otp.user_has_device(user),
            "can_turn_off": django_otp.user_has_device(user) and not required_by_role(user),
            # segno's SVG holds only its own paths: no text from the request goes into it.
            "qr_svg": mark_safe(qr.svg_inline(scale=4, dark="#000", light="#fff")),  # noqa: S308  # nosec B308 B703
            "secret": b32encode(device.bin_key).decode(),
            "next": _next(request),
        },
    )


def new_recovery_codes(user):
    """Replace the account's recovery codes with fresh ones and return them (shown once, never again)."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def reset(user):
    """Remove every device of the account: its next sign-in enrols again (manage.py reset_two_factor)."""
    deleted = 0
    for device in django_otp.devices_for_user(user, confirmed=None):
        device.delete()
        deleted += 1
    return deleted
