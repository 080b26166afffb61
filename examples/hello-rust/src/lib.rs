//! A wasi:http/incoming-handler@0.2.12 that answers `GET /` with a greeting, written against
//! the canonical-ABI lowering of the WIT by hand, so the crate needs no dependencies.
//!
//! Each import below is one function of the world in `wit/world.wit`, with the flat signature
//! the canonical ABI gives it: resources are `i32` handles, strings and lists are
//! `(pointer, length)`, and a result that does not fit one flat value is written to a
//! "return area" whose address is passed as the last argument.

use std::alloc::{alloc, realloc, Layout};

/// The world, encoded by `scripts/encode-world.mjs`. wit-component finds any custom section
/// whose name starts with `component-type` and uses it to lift the module into a component.
const WORLD_ENCODING: &[u8] = include_bytes!("world.bin");
#[used]
#[link_section = "component-type:spinwash-hello"]
static COMPONENT_TYPE: [u8; WORLD_ENCODING.len()] = *include_bytes!("world.bin");

pub const GREETING: &str = "Hello from spinwash!\n";

mod wasi {
    #[link(wasm_import_module = "wasi:http/types@0.2.12")]
    extern "C" {
        #[link_name = "[method]incoming-request.method"]
        pub fn incoming_request_method(request: i32, ret: *mut u8);
        #[link_name = "[method]incoming-request.path-with-query"]
        pub fn incoming_request_path_with_query(request: i32, ret: *mut u8);
        #[link_name = "[resource-drop]incoming-request"]
        pub fn drop_incoming_request(request: i32);

        #[link_name = "[constructor]fields"]
        pub fn fields_new() -> i32;
        #[link_name = "[method]fields.append"]
        pub fn fields_append(
            fields: i32,
            name: *const u8,
            name_len: usize,
            value: *const u8,
            value_len: usize,
            ret: *mut u8,
        );

        #[link_name = "[constructor]outgoing-response"]
        pub fn outgoing_response_new(headers: i32) -> i32;
        #[link_name = "[method]outgoing-response.set-status-code"]
        pub fn outgoing_response_set_status_code(response: i32, status: i32) -> i32;
        #[link_name = "[method]outgoing-response.body"]
        pub fn outgoing_response_body(response: i32, ret: *mut u8);
        #[link_name = "[method]outgoing-body.write"]
        pub fn outgoing_body_write(body: i32, ret: *mut u8);
        #[link_name = "[static]outgoing-body.finish"]
        pub fn outgoing_body_finish(body: i32, has_trailers: i32, trailers: i32, ret: *mut u8);

        // result<outgoing-response, error-code> flattens to a discriminant and the joined
        // payload slots of every error-code case (i32 i32 i64 i32 i32 i32 i32).
        #[link_name = "[static]response-outparam.set"]
        pub fn response_outparam_set(
            out: i32,
            is_err: i32,
            response: i32,
            a: i32,
            b: i64,
            c: i32,
            d: i32,
            e: i32,
            f: i32,
        );
    }

    #[link(wasm_import_module = "wasi:io/streams@0.2.12")]
    extern "C" {
        #[link_name = "[method]output-stream.blocking-write-and-flush"]
        pub fn output_stream_blocking_write_and_flush(
            stream: i32,
            data: *const u8,
            len: usize,
            ret: *mut u8,
        );
        #[link_name = "[resource-drop]output-stream"]
        pub fn drop_output_stream(stream: i32);
    }
}

/// Scratch space for results returned through memory. The largest one here is
/// `result<_, error-code>` of `outgoing-body.finish`; 64 bytes, 8-aligned, covers it.
#[repr(C, align(8))]
struct ReturnArea([u8; 64]);

impl ReturnArea {
    fn new() -> Self {
        ReturnArea([0; 64])
    }
    fn ptr(&mut self) -> *mut u8 {
        self.0.as_mut_ptr()
    }
    fn u8_at(&self, offset: usize) -> u8 {
        self.0[offset]
    }
    fn u32_at(&self, offset: usize) -> u32 {
        let mut word = [0u8; 4];
        word.copy_from_slice(&self.0[offset..offset + 4]);
        u32::from_le_bytes(word)
    }
    /// A `string` the host wrote as (pointer, length) at `offset`, taking ownership of the
    /// buffer it allocated through `cabi_realloc`.
    unsafe fn string_at(&self, offset: usize) -> String {
        let ptr = self.u32_at(offset) as usize as *mut u8;
        let len = self.u32_at(offset + 4) as usize;
        if len == 0 {
            return String::new();
        }
        String::from_utf8_lossy(&Vec::from_raw_parts(ptr, len, len)).into_owned()
    }
}

/// What the app answers: status, content type, body. The only routing logic in the crate.
fn respond(method_is_get: bool, path: &str) -> (u16, &'static str) {
    let path = path.split('?').next().unwrap_or("");
    match (method_is_get, path) {
        (true, "/") => (200, GREETING),
        (true, _) => (404, "Not found\n"),
        (false, _) => (405, "Method not allowed\n"),
    }
}

#[export_name = "wasi:http/incoming-handler@0.2.12#handle"]
pub extern "C" fn handle(request: i32, response_out: i32) {
    unsafe {
        let mut area = ReturnArea::new();

        // method: variant { get, head, …, other(string) }; `get` is case 0.
        wasi::incoming_request_method(request, area.ptr());
        let method_is_get = area.u8_at(0) == 0;
        if area.u8_at(0) == 9 {
            drop(area.string_at(4));
        }
        // path-with-query: option<string>
        wasi::incoming_request_path_with_query(request, area.ptr());
        let path = if area.u8_at(0) == 1 {
            area.string_at(4)
        } else {
            String::from("/")
        };
        wasi::drop_incoming_request(request);

        let (status, body_text) = respond(method_is_get, &path);

        let headers = wasi::fields_new();
        let (name, value) = ("content-type", "text/plain; charset=utf-8");
        wasi::fields_append(
            headers,
            name.as_ptr(),
            name.len(),
            value.as_ptr(),
            value.len(),
            area.ptr(),
        );
        let response = wasi::outgoing_response_new(headers);
        if wasi::outgoing_response_set_status_code(response, i32::from(status)) != 0 {
            core::arch::wasm32::unreachable();
        }
        wasi::outgoing_response_body(response, area.ptr());
        if area.u8_at(0) != 0 {
            core::arch::wasm32::unreachable();
        }
        let body = area.u32_at(4) as i32;

        wasi::response_outparam_set(response_out, 0, response, 0, 0, 0, 0, 0, 0);

        wasi::outgoing_body_write(body, area.ptr());
        if area.u8_at(0) != 0 {
            core::arch::wasm32::unreachable();
        }
        let stream = area.u32_at(4) as i32;
        // blocking-write-and-flush takes at most 4096 bytes per call; the body is far smaller.
        wasi::output_stream_blocking_write_and_flush(
            stream,
            body_text.as_ptr(),
            body_text.len(),
            area.ptr(),
        );
        wasi::drop_output_stream(stream);
        wasi::outgoing_body_finish(body, 0, 0, area.ptr());
    }
}

/// The allocator the host calls to hand the guest strings and lists (canonical ABI).
#[no_mangle]
pub unsafe extern "C" fn cabi_realloc(
    old: *mut u8,
    old_size: usize,
    align: usize,
    new_size: usize,
) -> *mut u8 {
    if new_size == 0 {
        return align as *mut u8;
    }
    let pointer = if old_size == 0 {
        alloc(Layout::from_size_align_unchecked(new_size, align))
    } else {
        realloc(
            old,
            Layout::from_size_align_unchecked(old_size, align),
            new_size,
        )
    };
    if pointer.is_null() {
        core::arch::wasm32::unreachable();
    }
    pointer
}
