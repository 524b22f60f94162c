"""The contact form a prospect fills in: what they write, to whom, and the spam guards around it."""

from urllib.parse import urlsplit

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from links.channels import channel_named
from links.models import ShortLink
from links.resolve import active_link_id

from . import spam

SOURCE_MAX_LENGTH = 255

STAMP_ERRORS = {
    spam.STAMP_TOO_FAST: _(
        "Your message was sent a little too quickly for us to be sure a person wrote it. "
        "Please check it and send it again."
    ),
    spam.STAMP_INVALID: _("This form has expired or could not be checked. Please send your message again."),
}
RATE_LIMIT_ERROR = _(
    "Too many messages have been sent from your connection in the last few minutes. "
    "Your message is kept below: please try again a little later."
)


CONSENT_REQUIRED_ERROR = _(
    "Tick the box to let us keep your details: without your consent we cannot store your message or answer it."
)


def consent_wording(retention_months, notice_url=""):
    """The consent sentence in the active language, as shown beside the box and stored with the lead."""
    sentence = ngettext(
        "I agree that OswegO keeps the details I give here to answer my message, for no other purpose, "
        "and for %(months)d month at most.",
        "I agree that OswegO keeps the details I give here to answer my message, for no other purpose, "
        "and for %(months)d months at most.",
        retention_months,
    ) % {"months": retention_months}
    return _with_notice(sentence, notice_url)


def _with_notice(sentence, notice_url):
    if notice_url:
        # Outside the f-string, where makemessages finds it.
        notice = gettext("Privacy notice:")
        return f"{sentence} {notice} {notice_url}"
    return sentence


def download_consent_wording(retention_months, notice_url=""):
    """The consent sentence of the report form, as shown beside the box and stored with the lead."""
    sentence = ngettext(
        "I agree that OswegO keeps the details I give here to send me this report and to write to me about it, "
        "for no other purpose, and for %(months)d month at most.",
        "I agree that OswegO keeps the details I give here to send me this report and to write to me about it, "
        "for no other purpose, and for %(months)d months at most.",
        retention_months,
    ) % {"months": retention_months}
    return _with_notice(sentence, notice_url)


def form_address(request):
    """Where the form is shown and sent to (host and path): the fill-time stamp is valid there only."""
    return f"{request.get_host()}{request.path}"


def single_line(value):
    """Collapse line breaks and runs of spaces: names end up in e-mail headers."""
    return " ".join(value.split())


def clean_source_path(value):
    """A path on this site (``/fr/…``), or an empty string for anything else."""
    value = (value or "").strip()
    if not value.startswith("/") or value.startswith("//") or "\\" in value or not value.isprintable():
        return ""
    return value[:SOURCE_MAX_LENGTH]


def referrer_path(request):
    """The path of the page of this site the visitor came from, if the browser says so."""
    referrer = request.META.get("HTTP_REFERER", "")
    try:
        parts = urlsplit(referrer)
    except ValueError:
        return ""
    if not parts.netloc or parts.netloc != request.get_host():
        return ""
    return clean_source_path(parts.path)


def is_page_id(value):
    """A short run of ASCII digits: anything else never reaches the database (huge numbers overflow it)."""
    return isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 9


class PersonChoices(forms.models.ModelChoiceIterator):
    """The people as the select's options, read in one plain query and kept for the form: Django's own iterator
    asks ``queryset.iterator()``, a server-side cursor on PostgreSQL (three round trips for a dozen rows)."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for person in self.queryset:
            yield self.choice(person)


class PersonChoiceField(forms.ModelChoiceField):
    iterator = PersonChoices

    def to_python(self, value):
        if value not in self.empty_values and not is_page_id(str(value)):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)

    def label_from_instance(self, obj):
        return f"{obj.full_name} — {obj.role}"


class ContactForm(forms.Form):
    # Each message names its field: the summary at the top of the form lists them alone.
    name = forms.CharField(
        label=_("Your name"),
        max_length=120,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={
            "required": _("Enter your name."),
            "max_length": _("Your name must be %(limit_value)d characters or fewer."),
        },
    )
    email = forms.EmailField(
        label=_("Work e-mail"),
        max_length=254,
        help_text=_("We only use it to answer you."),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "required": _("Enter your work e-mail address."),
            "invalid": _("Enter an e-mail address in the form name@company.com."),
            "max_length": _("Your e-mail address must be %(limit_value)d characters or fewer."),
        },
    )
    company = forms.CharField(
        label=_("Company"),
        max_length=120,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
        error_messages={
            "required": _("Enter your company's name."),
            "max_length": _("Your company's name must be %(limit_value)d characters or fewer."),
        },
    )
    country = forms.CharField(
        label=_("Country"),
        max_length=80,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "country-name"}),
        error_messages={"max_length": _("The country must be %(limit_value)d characters or fewer.")},
    )
    person = PersonChoiceField(
        label=_("Who is your message for?"),
        queryset=None,
        required=False,
        empty_label=_("No one in particular"),
        error_messages={"invalid_choice": _("Choose someone from the list, or “No one in particular”.")},
    )
    message = forms.CharField(
        label=_("Your message"),
        max_length=5000,
        help_text=_("Your project, your questions: 5,000 characters at most."),
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": _("Write your message."),
            "max_length": _("Your message must be %(limit_value)d characters or fewer (it has %(show_value)d)."),
        },
    )
    # Spam guards. A person never sees this field (it is hidden from sight, from
    # screen readers and from the keyboard); a form-filling bot fills it in.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    source = forms.CharField(required=False, widget=forms.HiddenInput)
    # The tracked link the visitor came through (``?via=<code>``, carried by the page's contact links).
    via = forms.CharField(required=False, widget=forms.HiddenInput)
    # A known channel (``?channel=linkedin``), carried the same way.
    channel = forms.CharField(required=False, widget=forms.HiddenInput)
    # Unticked until the prospect ticks it; its label (with the privacy notice's link) is the consent component's.
    consent = forms.BooleanField(required=True, error_messages={"required": CONSENT_REQUIRED_ERROR})

    def __init__(self, *args, address, consent_label, consent_text, people=None, rate_limited=False, **kwargs):
        super().__init__(*args, **kwargs)
        if "person" in self.fields:
            self.fields["person"].queryset = people
        self.fields["consent"].label = consent_label
        self.address = address
        self.consent_text = consent_text
        self.rate_limited = rate_limited

    # -- spam guards -----------------------------------------------------------
    def is_bot(self):
        return bool(self.data.get("website"))

    @property
    def stamp(self):
        """The fill-time stamp to render: the submitted one while it is valid, otherwise a new one.

        Keeping a valid stamp lets a visitor sent back for being too quick
        resend the same form a few seconds later.
        """
        submitted = self.data.get("stamp") if self.is_bound else None
        if submitted and spam.stamp_issued_at(submitted, self.address) is not None:
            return submitted
        return spam.issue_stamp(self.address)

    # -- cleaning --------------------------------------------------------------
    def clean_name(self):
        return single_line(self.cleaned_data["name"])

    def clean_company(self):
        return single_line(self.cleaned_data["company"])

    def clean_country(self):
        return single_line(self.cleaned_data["country"])

    def clean_source(self):
        return clean_source_path(self.cleaned_data["source"])

    def clean_via(self):
        """The enabled link the code names, or None: a forged, unknown or disabled code is ignored, never an error."""
        code = self.cleaned_data["via"].strip()
        link_id = active_link_id(code)
        return ShortLink.objects.filter(pk=link_id).first() if link_id is not None else None

    def clean_channel(self):
        """A known channel's name, or an empty string for anything else."""
        return channel_named(self.cleaned_data["channel"])

    def clean(self):
        cleaned_data = super().clean()
        if self.rate_limited:
            raise ValidationError(RATE_LIMIT_ERROR, code="rate_limited")
        # The stamp is judged once the fields are right: one problem at a time for a person.
        problem = None if self.errors else spam.check_stamp(self.data.get("stamp", ""), self.address)
        if problem:
            raise ValidationError(STAMP_ERRORS[problem], code=problem)
        return cleaned_data

    # -- results ---------------------------------------------------------------
    def chosen_person(self):
        """The person the message is for, as far as the form knows (for “Your message goes to…”)."""
        if not self.is_bound:
            return self.initial.get("person")
        if "person" in self.errors:
            return None
        return self.cleaned_data.get("person")

    def lead_fields(self):
        data = self.cleaned_data
        person = data.get("person")
        return {
            "name": data["name"],
            "email": data["email"],
            "company": data["company"],
            "country": data["country"],
            "message": data["message"],
            "person": person,
            "person_name": person.full_name if person else "",
            "source_path": data["source"],
            "short_link": data.get("via"),
            "channel": data.get("channel", ""),
            "consent_text": self.consent_text,
        }


class ReportRequestForm(ContactForm):
    """The short form in front of a report: name, work e-mail, company and consent, with the contact form's guards
    (honeypot, fill-time stamp bound to the form's address, rate limit)."""

    country = None
    person = None
    message = None
    source = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].help_text = _("We send the report's link there.")

    def chosen_person(self):
        return None

    def lead_fields(self):
        data = self.cleaned_data
        return {
            "name": data["name"],
            "email": data["email"],
            "company": data["company"],
            "consent_text": self.consent_text,
        }
