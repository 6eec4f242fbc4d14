// Progressive enhancement for large files: with JavaScript, the form is sent with
// XMLHttpRequest so the page can show upload progress (fetch cannot); the result is applied
// like `use:enhance` would. Without JavaScript the plain form post works the same.
import { applyAction, deserialize } from '$app/forms';

export type UploadState =
	| { phase: 'idle' }
	| { phase: 'uploading'; percent: number }
	| { phase: 'processing' }
	| { phase: 'failed' };

export function submitWithProgress(
	event: SubmitEvent,
	onState: (state: UploadState) => void
): void {
	const form = event.currentTarget as HTMLFormElement;
	const submitter = event.submitter as HTMLButtonElement | null;
	event.preventDefault();
	const action = submitter?.hasAttribute('formaction') ? submitter.formAction : form.action;
	const xhr = new XMLHttpRequest();
	xhr.open('POST', action);
	xhr.setRequestHeader('accept', 'application/json');
	xhr.setRequestHeader('x-sveltekit-action', 'true');
	xhr.upload.onprogress = (e) => {
		if (e.lengthComputable)
			onState({ phase: 'uploading', percent: Math.round((e.loaded / e.total) * 100) });
	};
	xhr.upload.onload = () => onState({ phase: 'processing' });
	xhr.onerror = () => onState({ phase: 'failed' });
	xhr.onload = async () => {
		if (xhr.status >= 500 && !xhr.responseText.startsWith('{')) return onState({ phase: 'failed' });
		await applyAction(deserialize(xhr.responseText));
		onState({ phase: 'idle' });
	};
	onState({ phase: 'uploading', percent: 0 });
	xhr.send(new FormData(form, submitter));
}
